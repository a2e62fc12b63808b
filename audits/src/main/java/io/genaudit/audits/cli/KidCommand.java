package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.metrics.fidelity.FeatureSet;
import io.genaudit.metrics.fidelity.KernelInceptionDistance;
import io.genaudit.metrics.fidelity.KidInterval;
import io.genaudit.values.Interval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code genaudit kid}: Kernel Inception Distance with torch-fidelity's definition and defaults (cubic polynomial
 * kernel, unbiased MMD^2, 100 subsets of 1000, seed 2020 picks the same subsets as torch-fidelity).
 */
@Command(name = "kid", mixinStandardHelpOptions = true,
        description = "Kernel Inception Distance (unbiased MMD^2, polynomial kernel), same definition and subsets as torch-fidelity.")
public final class KidCommand implements GenauditSubcommand, Callable<Integer> {
    @Mixin
    FidelityInputOptions in;

    @Option(names = "--subsets", paramLabel = "N", defaultValue = "100", description = "Number of subsets (default: ${DEFAULT-VALUE}).")
    int subsets;

    @Option(names = "--subset-size", paramLabel = "N", defaultValue = "1000",
            description = "Rows per subset, capped at the smaller set (default: ${DEFAULT-VALUE}).")
    int subsetSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "2020",
            description = "Subset seed, numpy RandomState-compatible (default: ${DEFAULT-VALUE}, torch-fidelity's).")
    long seed;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "0",
            description = "Bootstrap resamples of both sets for a percentile interval (default: ${DEFAULT-VALUE} = off).")
    int bootstrap;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95", description = "Interval level (default: ${DEFAULT-VALUE}).")
    double level;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        if (subsets < 1) throw new InputException("--subsets", "a positive number expected, got " + subsets);
        if (subsetSize < 2) throw new InputException("--subset-size", "at least 2 expected, got " + subsetSize);
        if (seed < 0 || seed > 0xFFFFFFFFL) throw new InputException("--seed", "a seed in [0, 2^32-1] expected (numpy's range), got " + seed);
        if (bootstrap != 0 && bootstrap < 10) throw new InputException("--bootstrap", "at least 10 resamples expected, got " + bootstrap);
        FeatureSet real = in.load(in.real, true);
        FeatureSet fake = in.load(in.requireFake(), true);
        FidelityInputOptions.checkSameDimension(real, fake);
        double[][] a = real.features("KID");
        double[][] b = fake.features("KID");
        KernelInceptionDistance kid = new KernelInceptionDistance(subsets, subsetSize, seed);
        KernelInceptionDistance.Result r = kid.compute(a, b);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", "kid");
        m.put("value", r.mean());
        m.put("std", r.std());
        m.put("n_real", real.count());
        m.put("n_fake", fake.count());
        m.put("dim", real.dim());
        m.put("subsets", r.subsets());
        m.put("subset_size", r.subsetSize());
        m.put("subset_size_requested", subsetSize);
        m.put("seed", seed);
        m.put("kernel", "(x.y/d + 1)^3");
        m.put("real", real.description());
        m.put("fake", fake.description());
        String line = String.format(Locale.ROOT, "KID %.8f ± %.8f (std over %d subsets of %d)", r.mean(), r.std(), r.subsets(), r.subsetSize());
        if (bootstrap > 0) {
            Interval ci = KidInterval.of(a, b, r.mean(), r.subsetSize(), seed, seed, level);
            m.put("ci", ci);
            m.put("bootstrap", bootstrap);
            line += String.format(Locale.ROOT, " (%.0f%% CI %.8f .. %.8f, %d resamples)", level * 100, ci.low(), ci.high(), bootstrap);
        }
        m.put("seconds", (System.nanoTime() - t0) / 1e9);
        System.out.println(line + String.format(Locale.ROOT, "  [n_real %d, n_fake %d, D %d]", real.count(), fake.count(), real.dim()));
        JsonOutput.write(in.json, m);
        return ExitCodes.OK;
    }
}
