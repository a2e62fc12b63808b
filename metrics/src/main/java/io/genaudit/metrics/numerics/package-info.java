/**
 * General numerics shared by the metrics and owned by none of them: dense BLAS/LAPACK kernels on off-heap matrices,
 * blocked pairwise distances and k-nearest-neighbour radii, a covariance (PSD) check, and numpy's legacy
 * {@code RandomState} for reference-equal subsampling. Metric-specific formulas (FID, KID, PRDC, ...) stay in their
 * metric packages.
 */
package io.genaudit.metrics.numerics;
