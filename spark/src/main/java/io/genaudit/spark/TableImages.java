package io.genaudit.spark;

import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.image.Images;

import java.util.Iterator;

/**
 * The images of a Parquet image table as the driver's {@code detectability} steps see them: their count and
 * description (settings, notes, the common-size step). The pixels are decoded on the executors, never through this
 * source, so {@link #batches} refuses.
 *
 * @param uri    the table
 * @param images the images read from it (after {@code samples})
 */
public record TableImages(String uri, int images, int height, int width) implements ImageSource {
    @Override
    public int size() {
        return images;
    }

    @Override
    public Iterator<Images> batches(int batchSize) {
        throw new UnsupportedOperationException("the images of " + uri + " are decoded on the Spark executors");
    }

    @Override
    public String describe() {
        return "Parquet image table " + uri + " (" + images + " images, " + width + "x" + height + "x3)";
    }
}
