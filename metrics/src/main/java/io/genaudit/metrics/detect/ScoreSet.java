package io.genaudit.metrics.detect;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Which evaluation a set of detector scores belongs to.
 *
 * @param role       headline, perturbed (robustness sweep) or one side of a cross-generator transfer test
 * @param scoring    how the scores were produced (decides the AUC interval)
 * @param order      the position of this set among those of its role (the plan's perturbation or generator order)
 * @param name       the perturbation kind, or the generator the images came from
 * @param strength   the perturbation's strength (0 for other roles)
 * @param trainReal  real images the transfer detector was trained on (transfer sets; 0 otherwise)
 * @param trainGenerated generated images the transfer detector was trained on (transfer sets; 0 otherwise)
 */
public record ScoreSet(Role role, Scoring scoring, int order, String name, double strength, int trainReal, int trainGenerated)
        implements Serializable, Comparable<ScoreSet> {

    /** What the scores measure. */
    public enum Role {
        /** The headline: the audited generator's images against the real images. */
        HEADLINE,
        /** The headline protocol repeated after a perturbation of real and generated images alike. */
        PERTURBED,
        /** Transfer test: held-out images of the generator the detector was trained on. */
        TRANSFER_WITHIN,
        /** Transfer test: images of another generator. */
        TRANSFER_ACROSS
    }

    /** Where the scores come from. */
    public enum Scoring {
        /** Pooled out-of-fold scores of k detectors (DeLong interval with the variance doubled). */
        OUT_OF_FOLD,
        /** One fixed detector on images it was not trained on (percentile bootstrap over images). */
        FIXED_DETECTOR
    }

    private static final Comparator<ScoreSet> ORDER = Comparator.comparing(ScoreSet::role).thenComparingInt(ScoreSet::order)
            .thenComparing(ScoreSet::name).thenComparingDouble(ScoreSet::strength);

    /** The headline set. */
    public static ScoreSet headline(Scoring scoring, String generator) {
        return new ScoreSet(Role.HEADLINE, scoring, 0, generator, 0, 0, 0);
    }

    /** The {@code order}-th perturbed set. */
    public static ScoreSet perturbed(Scoring scoring, int order, Perturbation p) {
        return new ScoreSet(Role.PERTURBED, scoring, order, p.kind(), p.strength(), 0, 0);
    }

    @Override
    public int compareTo(ScoreSet o) {
        return ORDER.compare(this, o);
    }
}
