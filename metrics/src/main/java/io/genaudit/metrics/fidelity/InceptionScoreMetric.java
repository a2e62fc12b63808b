package io.genaudit.metrics.fidelity;

import io.genaudit.engine.InputException;
import io.genaudit.metrics.contract.Checks;
import io.genaudit.metrics.contract.StateMetric;
import io.genaudit.metrics.contract.MetricDescription;
import io.genaudit.metrics.contract.MetricInfo;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.Param;
import io.genaudit.values.Interval;

import java.util.List;

/**
 * {@code inception-score}: the Inception Score (Salimans et al. 2016) of generated samples from a classifier's class
 * logits, as torch-fidelity computes it ({@link InceptionScore}: numpy-compatible shuffle, splits, exp of the mean KL),
 * with a percentile bootstrap interval over samples. Uses no real data. The state keeps every logit row by its global
 * row id (the shuffle and splits need them all).
 */
@MetricDescription(name = "inception-score", title = "Inception Score", direction = MetricInfo.Direction.HIGHER_IS_BETTER,
        summary = "Inception Score of generated samples from a classifier's class logits (torch-fidelity's definition); no real data.")
public final class InceptionScoreMetric implements StateMetric<InceptionScoreMetric.Params, ClassLogitsBatch, ClassLogitsState, InceptionScoreMetric.Result> {

    /** The Inception Score's parameters. */
    public record Params(
            @Param(help = "Consecutive splits scored separately (torch-fidelity: 10); at most the sample count.", dflt = "10", min = 1) int splits,
            @Param(help = "Shuffle the rows with numpy's RandomState(seed).permutation before splitting, as torch-fidelity does.",
                    dflt = "true") boolean shuffle,
            @Param(help = "Bootstrap resamples of the generated samples for a percentile interval; 0 = off.", dflt = "200", min = 0) int bootstrap,
            @Param(help = "Interval level.", dflt = "0.95", label = "P") double level,
            @Param(help = "Seed of the shuffle (numpy RandomState, folded to 32 bits; 2020 is torch-fidelity's) and of the "
                    + "bootstrap.", dflt = "2020", runSeed = true) long seed) {
        public Params {
            Checks.interval(bootstrap, level);
        }
    }

    /**
     * The score and its spread.
     *
     * @param value    mean Inception Score over splits
     * @param n        generated samples
     * @param ci       bootstrap interval of the expected IS at n samples in these splits, or null
     * @param std      population standard deviation over splits (torch-fidelity's inception_score_std)
     * @param perSplit the score of each split, in split order
     * @param classes  classes the classifier distinguishes
     */
    public record Result(double value, long n, Interval ci, double std, int splits, int classes, double[] perSplit,
                         List<String> notes) implements MetricResult {
    }

    @Override
    public ClassLogitsState newState(Params p) {
        return new ClassLogitsState();
    }

    @Override
    public Result compute(ClassLogitsState s, Params p) {
        double[][] logits = s.logits();
        if (logits.length < p.splits()) {
            throw new InputException(s.source() == null ? "fake" : s.source(), "the Inception Score in " + p.splits()
                    + " splits needs at least " + p.splits() + " samples, found " + logits.length);
        }
        InceptionScore is = new InceptionScore(p.splits(), p.shuffle(), p.seed());
        InceptionScore.Result r = is.compute(logits);
        Interval ci = p.bootstrap() > 0 ? is.interval(logits, p.bootstrap(), p.seed(), p.level()) : null;
        List<String> notes = List.of("The classifier's outputs are taken as class logits (softmax applied here). IS ignores the "
                + "real data; it rewards confident, class-balanced predictions and is only meaningful with a classifier trained on "
                + "the generator's domain.");
        return new Result(r.mean(), logits.length, ci, r.std(), r.splits(), s.classes(), r.perSplit(), notes);
    }
}
