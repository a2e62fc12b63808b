package io.genaudit.spark;

import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.Resize;

import java.io.Serializable;

/**
 * One side's images of a {@code detectability} audit as the single machine prepares them: decoded at the table's own
 * size ({@link ImageDecoding}, 3 channels, every image the size of row 0), then, when that is not the study's common
 * size, downscaled batch by batch with Pillow bicubic at 8-bit precision ({@code CommonImageSize}).
 *
 * @param decoding how the table's images are decoded
 * @param height   the common height
 * @param width    the common width
 */
public record DetectionImages(ImageDecoding decoding, int height, int width) implements Serializable {
    /** The block's images at the common size. */
    public Images decode(ImageBlock block) {
        Images b = decoding.decode(block);
        return b.height() == height && b.width() == width ? b : Resize.resize(b, height, width, Resize.Filter.BICUBIC, Resize.Precision.UINT8);
    }

    /** The table, for errors and descriptions. */
    public String source() {
        return decoding.source();
    }
}
