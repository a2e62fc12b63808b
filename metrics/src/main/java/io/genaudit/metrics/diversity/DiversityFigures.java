package io.genaudit.metrics.diversity;

import io.genaudit.values.Interval;

import java.util.List;

/**
 * The diversity figures of one set of texts as named scalars, so each is an output key and a gate field
 * ({@code distinct_2}, {@code self_bleu_4}, {@code entropy_3_ci_low} ...); the components with a digit keep the
 * {@code name_n} spelling plans gate on. Definitions: {@link DiversityResult}; intervals: {@link DiversityIntervals}
 * (null when intervals are off or, for self-BLEU, above the text cap).
 */
public record DiversityFigures(int n, long tokens,
                               double distinct_1, double distinct_2, double distinct_3, double distinct_4,
                               long ngrams_1, long ngrams_2, long ngrams_3, long ngrams_4,
                               double entropy_1, double entropy_2, double entropy_3, double entropy_4,
                               double selfBleu_2, double selfBleu_3, double selfBleu_4,
                               double vendi, int vendiItems,
                               Interval distinct_1Ci, Interval distinct_2Ci, Interval distinct_3Ci, Interval distinct_4Ci,
                               Interval entropy_1Ci, Interval entropy_2Ci, Interval entropy_3Ci, Interval entropy_4Ci,
                               Interval selfBleu_2Ci, Interval selfBleu_3Ci, Interval selfBleu_4Ci) {

    /** The figures with an interval, by output key, in table order. */
    public static final List<String> FIELDS = List.of("distinct_1", "distinct_2", "distinct_3", "distinct_4",
            "self_bleu_2", "self_bleu_3", "self_bleu_4", "entropy_1", "entropy_2", "entropy_3", "entropy_4", "vendi");

    /** The named figures of {@code r}. */
    public static DiversityFigures of(DiversityResult r) {
        return new DiversityFigures(r.texts(), r.tokens(),
                r.distinct(1), r.distinct(2), r.distinct(3), r.distinct(4),
                r.ngrams()[0], r.ngrams()[1], r.ngrams()[2], r.ngrams()[3],
                r.entropy(1), r.entropy(2), r.entropy(3), r.entropy(4),
                r.selfBleu(2), r.selfBleu(3), r.selfBleu(4), r.vendi(), r.vendiItems(),
                r.interval("distinct_1"), r.interval("distinct_2"), r.interval("distinct_3"), r.interval("distinct_4"),
                r.interval("entropy_1"), r.interval("entropy_2"), r.interval("entropy_3"), r.interval("entropy_4"),
                r.interval("self_bleu_2"), r.interval("self_bleu_3"), r.interval("self_bleu_4"));
    }

    /** The figure of output key {@code field} ({@code distinct_2}, {@code self_bleu_4}, {@code vendi}, {@code vendi_per_text}). */
    public double figure(String field) {
        return switch (field) {
            case "distinct_1" -> distinct_1;
            case "distinct_2" -> distinct_2;
            case "distinct_3" -> distinct_3;
            case "distinct_4" -> distinct_4;
            case "entropy_1" -> entropy_1;
            case "entropy_2" -> entropy_2;
            case "entropy_3" -> entropy_3;
            case "entropy_4" -> entropy_4;
            case "self_bleu_2" -> selfBleu_2;
            case "self_bleu_3" -> selfBleu_3;
            case "self_bleu_4" -> selfBleu_4;
            case "vendi" -> vendi;
            case "vendi_per_text" -> vendiItems == 0 ? Double.NaN : vendi / vendiItems;
            default -> throw new IllegalArgumentException("no diversity figure " + field);
        };
    }

    /** The interval of output key {@code field}, or null. */
    public Interval interval(String field) {
        return switch (field) {
            case "distinct_1" -> distinct_1Ci;
            case "distinct_2" -> distinct_2Ci;
            case "distinct_3" -> distinct_3Ci;
            case "distinct_4" -> distinct_4Ci;
            case "entropy_1" -> entropy_1Ci;
            case "entropy_2" -> entropy_2Ci;
            case "entropy_3" -> entropy_3Ci;
            case "entropy_4" -> entropy_4Ci;
            case "self_bleu_2" -> selfBleu_2Ci;
            case "self_bleu_3" -> selfBleu_3Ci;
            case "self_bleu_4" -> selfBleu_4Ci;
            default -> null;
        };
    }

    /** Whether any interval was computed. */
    public boolean hasIntervals() {
        return distinct_1Ci != null;
    }
}
