package io.genaudit.audits.coverage;

import java.util.ArrayList;
import java.util.List;

/**
 * The interval methods genaudit reports and the simulations that check them: {@link #full()} is what
 * {@code bench/coverage} runs (minutes), {@link #guard()} the cheapest cases that the test suite repeats a few hundred
 * times so that a change breaking calibration fails CI.
 */
public final class CoverageSuite {
    /** A case and how often to repeat it. */
    public record Entry(CoverageCase coverageCase, int repetitions) {
    }

    private CoverageSuite() {
    }

    /** Every interval method, sized to take minutes in total on two cores; {@code scale} multiplies the repetitions. */
    public static List<Entry> full(double scale) {
        GaussianFeatures g = new GaussianFeatures(8, 0.15, 1.15);
        MarkovDocuments markov = new MarkovDocuments(20, 200);
        List<Entry> out = new ArrayList<>();
        out.add(entry(FidCoverage.of(FidCoverage.Kind.FINITE_N, g, 300, 200, 5), 400, scale));
        out.add(entry(FidCoverage.of(FidCoverage.Kind.FINITE_N_VS_POPULATION, g, 300, 200, 5), 400, scale));
        out.add(entry(FidCoverage.of(FidCoverage.Kind.INFINITY, g, 300, 200, 5), 300, scale));
        out.add(entry(KidCoverage.of(g, 150), 200, scale));
        out.add(entry(InceptionScoreCoverage.of(5, 2.0, 500, 200), 400, scale));
        for (int f = 0; f < 4; f++) out.add(entry(PrdcCoverage.of(g, 150, f), 300, scale));
        out.add(entry(PerplexityCoverage.of(markov, 40, 500, false), 600, scale));
        out.add(entry(PerplexityCoverage.of(markov, 40, 500, true), 600, scale));
        out.add(entry(new DiversityCoverage(40, 6, 50, 1.1).of("distinct_2"), 400, scale));
        out.add(entry(new DiversityCoverage(8, 4, 20, 1.5).of("distinct_1"), 400, scale));
        out.add(entry(new DiversityCoverage(30, 6, 50, 1.1).of("self_bleu_2"), 300, scale));
        out.add(entry(ProportionCoverage.of(0.3, 60), 2000, scale));
        out.add(entry(ProportionCoverage.of(0.05, 25), 2000, scale));
        out.add(entry(MeanGapCoverage.of(0.3, 0.0, 1.0, 50, 500), 600, scale));
        out.add(entry(AucCoverage.of(1.5, 100, false, 0), 2000, scale));
        out.add(entry(AucCoverage.of(3.0, 40, false, 0), 2000, scale));
        out.add(entry(AucCoverage.of(1.5, 100, true, 500), 600, scale));
        return out;
    }

    /** The cheapest cases for the test suite's guard (seconds in total). */
    public static List<Entry> guard() {
        GaussianFeatures g = new GaussianFeatures(4, 0.2, 1.2);
        return List.of(
                new Entry(ProportionCoverage.of(0.3, 60), 400),
                new Entry(AucCoverage.of(1.5, 60, false, 0), 400),
                new Entry(PerplexityCoverage.of(new MarkovDocuments(20, 100), 30, 200, false), 300),
                new Entry(MeanGapCoverage.of(0.3, 0.0, 1.0, 40, 200), 300),
                new Entry(FidCoverage.of(FidCoverage.Kind.FINITE_N, g, 100, 100, 5), 200));
    }

    private static Entry entry(CoverageCase c, int repetitions, double scale) {
        return new Entry(c, Math.max(20, (int) Math.round(repetitions * scale)));
    }
}
