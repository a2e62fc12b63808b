package io.genaudit.spark;

import java.io.Serializable;

/**
 * Per-image results of one image block (rows {@code firstRow ..}) as an executor returns them: {@code values[v][i]}
 * is image i's feature row (or its one-element detector score) in variant v — 0 the clean images, v the images after
 * the plan's (v−1)-th perturbation.
 */
public record BlockValues(long firstRow, double[][][] values) implements Serializable {
}
