package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.metrics.fidelity.FeatureSet;
import io.genaudit.metrics.fidelity.PrecisionRecallDensityCoverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code genaudit prdc}: improved precision/recall (Kynkäänniemi 2019) and density/coverage (Naeem 2020) on k-NN
 * balls in feature space, with the prdc package's definitions.
 */
@Command(name = "prdc", mixinStandardHelpOptions = true,
        description = "Precision, recall, density and coverage of a generated set against a real set (prdc package definitions).")
public final class PrdcCommand implements GenauditSubcommand, Callable<Integer> {
    @Mixin
    FidelityInputOptions in;

    @Option(names = "--k", paramLabel = "N", defaultValue = "5", description = "Nearest neighbours for the radii (default: ${DEFAULT-VALUE}).")
    int k;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        if (k < 1) throw new InputException("--k", "a positive k expected, got " + k);
        FeatureSet real = in.load(in.real, true);
        FeatureSet fake = in.load(in.requireFake(), true);
        FidelityInputOptions.checkSameDimension(real, fake);
        double[][] a = real.features("precision/recall/density/coverage");
        double[][] b = fake.features("precision/recall/density/coverage");
        if (a.length <= k) throw new InputException(real.source(), "k=" + k + " needs more than " + k + " samples, found " + a.length);
        if (b.length <= k) throw new InputException(fake.source(), "k=" + k + " needs more than " + k + " samples, found " + b.length);
        PrecisionRecallDensityCoverage.Result r = new PrecisionRecallDensityCoverage(k).compute(a, b);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", "prdc");
        m.put("precision", r.precision());
        m.put("recall", r.recall());
        m.put("density", r.density());
        m.put("coverage", r.coverage());
        m.put("n_real", real.count());
        m.put("n_fake", fake.count());
        m.put("dim", real.dim());
        m.put("k", k);
        m.put("real", real.description());
        m.put("fake", fake.description());
        m.put("seconds", (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "precision %.4f  recall %.4f  density %.4f  coverage %.4f  [k %d, n_real %d, n_fake %d, D %d]%n",
                r.precision(), r.recall(), r.density(), r.coverage(), k, real.count(), fake.count(), real.dim());
        JsonOutput.write(in.json, m);
        return ExitCodes.OK;
    }
}
