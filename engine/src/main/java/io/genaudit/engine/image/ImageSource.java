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
}
