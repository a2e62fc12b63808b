package io.genaudit.metrics.detect;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One batch of input for {@code detectability}: detector scores of labelled images (the headline set, a perturbed
 * set, or a cross-generator transfer set), class sums of the mean-spectrum profile, or the synthetic-origin mark
 * findings of generated files. Training and scoring the detector and reading the marks happen before (in the input
 * adapters, through {@link DetectionEvidence}); the metric only does statistics on these.
 */
public sealed interface DetectionInput extends Serializable permits DetectionInput.Scores, DetectionInput.SpectrumSums, DetectionInput.Marks {

    /** Real images are the negative class, generated images the positive class. */
    enum Label { REAL, GENERATED }

    /**
     * One image's detector score.
     *
     * @param label whether the image is real or generated
     * @param item  the image's id: its position within its class's source (file order or sample number), unique per
     *              label within one score set, so merges do not depend on arrival order
     * @param score higher = more likely generated
     */
    record LabelledScore(Label label, long item, double score) implements Serializable {
    }

    /**
     * Scores of one score set.
     *
     * @param set   which evaluation the scores belong to
     * @param items the scored images
     */
    record Scores(ScoreSet set, List<LabelledScore> items) implements DetectionInput {
        public Scores {
            Objects.requireNonNull(set, "set");
            items = List.copyOf(items);
        }
    }

    /**
     * The summed frequency profile (azimuthal log power spectrum) of {@code count} images of one class; the metric
     * reports the class means (the generator's spectral fingerprint).
     */
    record SpectrumSums(Label label, double[] sum, long count) implements DetectionInput {
    }

    /**
     * Synthetic-origin mark findings of generated files (keyed by file name) and the survival of marks under edits
     * (keyed by the edit).
     */
    record Marks(List<MarkedFile> files, List<MarkRobustness> edits) implements DetectionInput {
        public Marks {
            files = List.copyOf(files);
            edits = List.copyOf(edits);
        }
    }
}
