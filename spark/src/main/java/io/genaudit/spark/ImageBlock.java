package io.genaudit.spark;

import java.io.Serializable;

/**
 * Encoded images (PNG/JPEG/... file bytes) of one input with consecutive global row ids {@code firstRow ..
 * firstRow + images.length - 1}, as they leave a partition of an image table; one extraction batch.
 *
 * @param firstRow the row id of {@code images[0]}
 * @param images   the encoded image files
 */
public record ImageBlock(long firstRow, byte[][] images) implements Serializable {
}
