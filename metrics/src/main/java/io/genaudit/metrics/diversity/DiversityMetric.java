package io.genaudit.metrics.diversity;

import io.genaudit.metrics.contract.Checks;
import io.genaudit.metrics.contract.Flatten;
import io.genaudit.metrics.contract.StateMetric;
import io.genaudit.metrics.contract.MetricDescription;
import io.genaudit.metrics.contract.MetricInfo;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.Param;
import io.genaudit.values.Interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code diversity}: how varied a model's generations are — distinct-n, n-gram entropy, self-BLEU (NLTK/Texygen) and
 * the n-gram Vendi score — next to the same figures on reference text cut to the same length and count, so mode
 * collapse shows as a gap. Headline: distinct-2 of the generations with its half-sampling interval. Generating the
 * texts happens before, in the input adapters; this class only measures {@link TextSample}s.
 */
@MetricDescription(name = "diversity", title = "Diversity of generations", direction = MetricInfo.Direction.HIGHER_IS_BETTER,
        summary = "Diversity of generations: distinct-n, n-gram entropy, self-BLEU (NLTK/Texygen), Vendi score, beside reference text.")
public final class DiversityMetric implements StateMetric<DiversityMetric.Params, TextSample, TextSetState, DiversityMetric.Result> {
    /** Texts quoted in the result (and the report). */
    static final int EXAMPLES = 5;

    /** Diversity's parameters (how the generations are sampled belongs to the inputs). */
    public record Params(
            @Param(help = "How texts become tokens: whitespace (Python's str.split()) or bytes (each UTF-8 byte a token).",
                    dflt = "whitespace") TextTokens tokenizer,
            @Param(help = "Vendi score on at most this many texts (a seeded uniform subsample above; the eigendecomposition is cubic).",
                    dflt = "1000", min = 1, label = "N") int vendiMaxItems,
            @Param(help = "0 = no intervals; any other value (at least 10) turns on the half-sampling intervals over generations "
                    + "(100 halves, whatever the number).", dflt = "1000", min = 0, label = "N") int bootstrap,
            @Param(help = "Seed of the Vendi subsample and the half-samples (plans: the run's seed; it also seeds sampling).",
                    dflt = "0", runSeed = true) long seed) {
        public Params {
            Checks.bootstrapOrOff(bootstrap);
        }
    }

    /**
     * Diversity of the generations and, when given, of the reference.
     *
     * @param value     distinct-2 of the generations
     * @param n         generations
     * @param ci        interval of distinct-2, or null
     * @param generated every figure of the generations (output keys {@code distinct_2}, {@code self_bleu_4} ...)
     * @param reference every figure of the reference text (keys {@code reference_...}), or null without two reference texts
     * @param examples  the first generations, with their prompts
     */
    public record Result(double value, long n, Interval ci, @Flatten DiversityFigures generated,
                         @Flatten(prefix = "reference_") DiversityFigures reference, List<TextSample> examples,
                         List<String> notes) implements MetricResult {
    }

    @Override
    public TextSetState newState(Params p) {
        return new TextSetState(p.tokenizer());
    }

    @Override
    public Result compute(TextSetState s, Params p) {
        DiversityMetrics measure = new DiversityMetrics(p.vendiMaxItems(), p.seed(), p.bootstrap(), DiversityMetrics.SELF_BLEU_CI_MAX_TEXTS);
        List<TextSample> generations = s.texts(TextSample.Set.GENERATED);
        if (generations.size() < 2) throw new IllegalArgumentException("diversity needs at least two generations, got " + generations.size());
        DiversityFigures gen = figures(s, TextSample.Set.GENERATED, measure);
        int referenceTexts = s.texts(TextSample.Set.REFERENCE).size();
        DiversityFigures ref = referenceTexts >= 2 ? figures(s, TextSample.Set.REFERENCE, measure) : null;
        return result(p, gen, ref, referenceTexts, generations.subList(0, Math.min(EXAMPLES, generations.size())));
    }

    /**
     * The result from the figures of the generations and the reference (null) and the first generations; also used by
     * genaudit-spark, which computes the figures from distributed n-gram counts.
     */
    public static Result result(Params p, DiversityFigures gen, DiversityFigures ref, int referenceTexts, List<TextSample> firstGenerations) {
        List<TextSample> examples = List.copyOf(firstGenerations.subList(0, Math.min(EXAMPLES, firstGenerations.size())));
        return new Result(gen.distinct_2(), gen.n(), gen.distinct_2Ci(), gen, ref, examples, notes(p, gen, referenceTexts));
    }

    /** The figures of one set, from its n-gram counts and its texts. */
    private static DiversityFigures figures(TextSetState s, TextSample.Set set, DiversityMetrics measure) {
        List<String> texts = s.texts(set).stream().map(TextSample::text).toList();
        return DiversityFigures.of(measure.compute(s.tokens().tokens(texts), s.counts(set)));
    }

    /** What the figures mean and what they were computed on. */
    private static List<String> notes(Params p, DiversityFigures gen, int referenceTexts) {
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Diversity computed on %s tokens of %d generations (%d tokens).", p.tokenizer().label(), gen.n(), gen.tokens()));
        notes.add("Self-BLEU: each generation against all others, NLTK sentence_bleu with method1 smoothing (higher = less "
                + "diverse). Distinct-n: distinct over total n-grams. Entropy in nats. Vendi: effective number of distinct "
                + "texts under the cosine kernel on n-gram counts.");
        notes.add("All these figures depend on the number and length of texts; compare only like with like.");
        if (gen.hasIntervals()) {
            notes.add(String.format(Locale.ROOT, "Intervals: half-sampling over generations (%d seeded halves, seed %d), each interval "
                            + "covering the expected figure over generation sets of this size. The Vendi score has no interval.%s",
                    DiversityIntervals.HALVES, p.seed(), gen.n() > DiversityMetrics.SELF_BLEU_CI_MAX_TEXTS
                            ? " Self-BLEU intervals are left out above " + DiversityMetrics.SELF_BLEU_CI_MAX_TEXTS + " texts." : ""));
        }
        if (referenceTexts == 1) notes.add("Only one reference text: no reference figures.");
        return notes;
    }
}
