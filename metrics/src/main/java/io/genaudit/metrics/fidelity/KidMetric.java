package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.contract.Checks;
import io.genaudit.metrics.contract.MetricDescription;
import io.genaudit.metrics.contract.MetricInfo;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.Param;
import io.genaudit.values.Interval;

import java.util.List;

/**
 * {@code kid}: Kernel Inception Distance with torch-fidelity's definition (cubic polynomial kernel, unbiased MMD^2
 * averaged over subsets drawn with numpy's {@code RandomState}, so the same seed gives torch-fidelity's number), with
 * a grouped-jackknife interval ({@link KidInterval}). The state keeps every feature row by its global row id: the
 * subsets need all of them.
 */
@MetricDescription(name = "kid", title = "Kernel Inception Distance", direction = MetricInfo.Direction.LOWER_IS_BETTER,
        summary = "Kernel Inception Distance (unbiased MMD^2, polynomial kernel), same definition and subsets as torch-fidelity.")
public final class KidMetric implements FeaturePairMetric<KidMetric.Params, KidMetric.Result> {
    /** The kernel, as reported. */
    public static final String KERNEL = "(x.y/d + 1)^3";

    /** KID's parameters. */
    public record Params(
            @Param(help = "Random subsets the MMD^2 is averaged over (torch-fidelity: 100); 1 = the first subsetSize rows, unshuffled.",
                    dflt = "100", min = 1) int subsets,
            @Param(help = "Rows per subset, capped at the smaller set (torch-fidelity: 1000).", dflt = "1000", min = 2) int subsetSize,
            @Param(help = "Interval switch kept under its plan name: 0 = no interval; any other value (at least 10) adds the "
                    + "grouped-jackknife interval (20 groups per set; the count itself is not used).", dflt = "200", min = 0) int bootstrap,
            @Param(help = "Interval level.", dflt = "0.95", label = "P") double level,
            @Param(help = "Seed of the subset draws (numpy RandomState, folded to 32 bits; 2020 is torch-fidelity's) and of the "
                    + "jackknife groups.", dflt = "2020", runSeed = true) long seed) {
        public Params {
            Checks.interval(bootstrap, level);
        }

        /** The seed as numpy's {@code RandomState} takes it. */
        public long numpySeed() {
            return seed & 0xFFFFFFFFL;
        }
    }

    /**
     * KID and its parts.
     *
     * @param value      mean MMD^2 over subsets
     * @param n          generated samples
     * @param ci         jackknife interval of the squared MMD, or null
     * @param std        population standard deviation of the MMD^2 over subsets (torch-fidelity's kernel_inception_distance_std)
     * @param subsetSize rows per subset actually used (after capping at the smaller set)
     */
    public record Result(double value, long n, Interval ci, double std, int subsets, int subsetSize, long nReal, long nFake,
                         int dim, String kernel, List<String> notes) implements MetricResult {
    }

    @Override
    public Result compute(FeaturePairState s, Params p) {
        s.checkComparable();
        double[][] real = s.real().rows("KID", 2);
        double[][] fake = s.fake().rows("KID", 2);
        KernelInceptionDistance.Result r = new KernelInceptionDistance(p.subsets(), p.subsetSize(), p.numpySeed()).compute(real, fake);
        Interval ci = p.bootstrap() > 0 ? KidInterval.of(real, fake, r.mean(), r.subsetSize(), p.numpySeed(), p.seed(), p.level()) : null;
        List<String> notes = List.of("KID is unbiased in N but its subset spread (std) depends on the subset size; std is over "
                + "subsets, the interval over jackknife groups of both sets.");
        return new Result(r.mean(), fake.length, ci, r.std(), r.subsets(), r.subsetSize(), real.length, fake.length, s.real().dim(),
                KERNEL, notes);
    }
}
