package io.genaudit.engine.image;

import java.util.Iterator;

/**
 * A stream of image batches (a folder, an array file, a generator's samples), so no metric needs every image in
 * memory. Each call to {@link #batches(int)} starts from the beginning and yields the same images in the same order.
 */
public interface ImageSource {
    /** Total number of images this source yields. */
    int size();

    Iterator<Images> batches(int batchSize);

    /** A short description for reports and provenance ("folder real/ (1000 PNG)", "dcgan samples seed 7"). */
    String describe();

    /** This source with {@code map} applied to every batch (streamed), described as {@code description}. */
    default ImageSource map(java.util.function.UnaryOperator<Images> map, String description) {
        return new MappedImageSource(this, map, description);
    }

    /** This source resized batch by batch with {@link Resize} (Pillow-exact). */
    default ImageSource resized(int height, int width, Resize.Filter filter, Resize.Precision precision) {
        return map(b -> Resize.resize(b, height, width, filter, precision),
                describe() + ", resized to " + width + "x" + height + " (" + filter + ", " + precision + ")");
    }
}
