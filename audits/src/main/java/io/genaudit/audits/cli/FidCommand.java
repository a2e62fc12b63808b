package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.engine.io.NpzWriter;
import io.genaudit.metrics.fidelity.FeatureSet;
import io.genaudit.metrics.fidelity.FidInfinity;
import io.genaudit.metrics.fidelity.FrechetDistance;
import io.genaudit.metrics.fidelity.FidIntervals;
import io.genaudit.values.Interval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code genaudit fid}: Fréchet distance between the feature statistics of a real and a generated set (FID when the
 * features are InceptionV3 pool3), equal to pytorch-fid's value on the same features; optional bootstrap interval,
 * FID∞ and pytorch-fid-compatible statistics files.
 */
@Command(name = "fid", mixinStandardHelpOptions = true,
        description = "Fréchet (Inception) Distance between a real and a generated set; same number as pytorch-fid on the same features.")
public final class FidCommand implements GenauditSubcommand, Callable<Integer> {
    @Mixin
    FidelityInputOptions in;

    @Option(names = "--save-stats", paramLabel = "OUT.npz", description = "Save the real set's statistics (mu, sigma) as a pytorch-fid .npz.")
    Path saveStats;

    @Option(names = "--save-fake-stats", paramLabel = "OUT.npz", description = "Save the generated set's statistics as a pytorch-fid .npz.")
    Path saveFakeStats;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "0",
            description = "Bootstrap resamples for a percentile interval (rows of both sets resampled; needs features; default: ${DEFAULT-VALUE} = off).")
    int bootstrap;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95", description = "Interval level (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--fid-infinity", description = "Also estimate FID∞ (Chong & Forsyth 2020) from FIDs of fake subsets.")
    boolean fidInfinity;

    @Option(names = "--points", paramLabel = "N", defaultValue = "15", description = "Subset sizes for FID∞ (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--offset", paramLabel = "EPS", description = "Add EPS to both covariance diagonals (pytorch-fid's fallback branch, e.g. 1e-6).")
    Double offset;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of the bootstrap and FID∞ subsets (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        boolean needRows = bootstrap > 0 || fidInfinity;
        if (bootstrap != 0 && bootstrap < 10) throw new InputException("--bootstrap", "at least 10 resamples expected, got " + bootstrap);
        if (level <= 0 || level >= 1) throw new InputException("--level", "a level in (0, 1) expected, got " + level);
        FeatureSet real = in.load(in.real, bootstrap > 0);
        if (saveStats != null) NpzWriter.writeStats(saveStats, real.mean(), real.covariance());
        if (in.fake == null && saveStats != null) {
            System.out.printf(Locale.ROOT, "saved statistics of %s (D=%d, n=%d) to %s%n", in.real, real.dim(), real.count(), saveStats);
            return ExitCodes.OK;
        }
        FeatureSet fake = in.load(in.requireFake(), needRows);
        FidelityInputOptions.checkSameDimension(real, fake);
        if (saveFakeStats != null) NpzWriter.writeStats(saveFakeStats, fake.mean(), fake.covariance());

        FrechetDistance.Result r = offset == null
                ? FrechetDistance.compute(real.mean(), real.covariance(), fake.mean(), fake.covariance())
                : FrechetDistance.compute(real.mean(), real.covariance(), fake.mean(), fake.covariance(), offset);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", "fid");
        m.put("value", r.value());
        m.put("n_real", real.count());
        m.put("n_fake", fake.count());
        m.put("dim", real.dim());
        m.put("real", real.description());
        m.put("fake", fake.description());
        m.put("mean_term", r.meanTerm());
        m.put("trace_real", r.trace1());
        m.put("trace_fake", r.trace2());
        m.put("trace_sqrt_product", r.traceSqrtProduct());
        m.put("offset_applied", r.offsetApplied());
        m.put("sqrt_method", r.method());
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "FID %.6f", r.value()));
        FidIntervals intervals = new FidIntervals(Math.max(bootstrap, 10), seed, level);
        Interval ci = null;
        if (bootstrap > 0) {
            ci = intervals.finite(real.features("--bootstrap"), fake.features("--bootstrap"), r.value());
            m.put("ci", ci);
            m.put("bootstrap", bootstrap);
            line.append(String.format(Locale.ROOT, " (%.0f%% CI %.6f .. %.6f, %d resamples, for the %s)", level * 100, ci.low(), ci.high(), bootstrap, ci.estimand()));
        }
        if (fidInfinity) {
            boolean bothSides = real.hasFeatures();
            FidInfinity.Result inf = bothSides
                    ? FidIntervals.infinity(real.features("--fid-infinity"), fake.features("--fid-infinity"), points, seed)
                    : new FidInfinity(points, seed).compute(real.mean(), real.covariance(), fake.features("--fid-infinity"), 0);
            Map<String, Object> fi = new LinkedHashMap<>();
            fi.put("value", inf.value());
            fi.put("slope", inf.slope());
            fi.put("r2", inf.r2());
            fi.put("sizes", inf.sizes());
            fi.put("fids", inf.fids());
            fi.put("estimand", bothSides ? FidIntervals.INFINITY_ESTIMAND
                    : "FID extrapolated to infinite generated samples against the fixed real statistics (the real side's finite-sample bias remains)");
            line.append(String.format(Locale.ROOT, "; FID∞ %.6f (fit FID = FID∞ + %.1f/N, R² %.3f over %d sizes)", inf.value(), inf.slope(), inf.r2(), inf.sizes().length));
            if (bootstrap > 0 && bothSides) {
                Interval infCi = intervals.infinity(real.features("--fid-infinity"), fake.features("--fid-infinity"), points, inf.value());
                fi.put("ci", infCi);
                line.append(String.format(Locale.ROOT, " (%.0f%% CI %.6f .. %.6f)", level * 100, infCi.low(), infCi.high()));
                String story = FidIntervals.disagreement(ci, infCi);
                if (story != null) {
                    m.put("note", story);
                    line.append(System.lineSeparator()).append(story);
                }
            }
            m.put("fid_infinity", fi);
        }
        m.put("seed", seed);
        m.put("seconds", (System.nanoTime() - t0) / 1e9);
        line.append(String.format(Locale.ROOT, "  [n_real %d, n_fake %d, D %d]", real.count(), fake.count(), real.dim()));
        System.out.println(line);
        JsonOutput.write(in.json, m);
        return ExitCodes.OK;
    }
}
