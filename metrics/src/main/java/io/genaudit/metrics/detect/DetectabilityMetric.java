package io.genaudit.metrics.detect;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.genaudit.metrics.contract.StateMetric;
import io.genaudit.metrics.contract.MetricDescription;
import io.genaudit.metrics.contract.MetricInfo;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.Param;
import io.genaudit.metrics.contract.ParamException;
import io.genaudit.metrics.detect.DetectionInput.Label;
import io.genaudit.metrics.stats.DeLong;
import io.genaudit.metrics.stats.RocCurve;
import io.genaudit.values.Interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code detectability}: how easily a generator's outputs are told from real images, from labelled detector scores
 * (out-of-fold scores of a cross-validated spectral detector, or a saved fixed detector's scores): ROC AUC (headline,
 * 0.5 = indistinguishable) with its interval, AP, EER, TPR at 1% FPR and at {@code fpr}, a fixed detector's detection
 * rate at a threshold calibrated on the real images, the same under perturbations, cross-generator transfer (DeLong
 * test of the AUC change), the mean spectra, and the share of generated files carrying a synthetic-origin mark.
 * The state keeps every score (ITEMS): AUC, AP, EER and the bootstrap need them all.
 */
@MetricDescription(name = "detectability", title = "Deepfake detectability", direction = MetricInfo.Direction.HIGHER_IS_BETTER, aliases = "detect",
        summary = "Deepfake detectability: how easily generated images are told from real ones (AUC, AP, EER, TPR at FPR 0.01), and their synthetic-origin marks.")
public final class DetectabilityMetric implements StateMetric<DetectabilityMetric.Params, DetectionInput, DetectabilityState, DetectabilityMetric.Result> {

    /** The statistics' parameters (the detector's own settings belong to the inputs: folds, classifier, features ...). */
    public record Params(
            @Param(help = "Bootstrap resamples for the AUC interval of a fixed detector's scores (a saved detector, the cross-generator test); "
                    + "out-of-fold scores get DeLong's interval instead.", dflt = "1000", min = 10) int bootstrap,
            @Param(help = "False-positive rate for 'TPR at FPR' and for a fixed detector's threshold.", dflt = "0.01", label = "P") double fpr,
            @Param(help = "Seed of the bootstrap, the folds, generator samples and perturbation noise (plans: the run's seed).",
                    dflt = "0", runSeed = true) long seed) {
        public Params {
            if (!(fpr > 0 && fpr < 1)) throw new ParamException("fpr", "a rate in (0, 1) expected, got " + fpr);
        }
    }

    /** One point of the robustness sweep: the headline protocol after {@code perturbation} at {@code strength}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RobustnessPoint(String perturbation, double strength, DetectionSummary metrics) {
    }

    /**
     * Transfer of a detector trained on half of the real images and half of {@code trainedOn}'s: error rates on the
     * held-out halves ({@code within}) and on the held-out real half against {@code acrossModel}'s images
     * ({@code across}); {@code aucDifference} = within − across with an unpaired DeLong p-value (conservative: the two
     * test sets share their real images).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Transfer(String trainedOn, int nTrainReal, int nTrainGenerated, DetectionSummary within, String acrossModel,
                           DetectionSummary across, double aucDifference, double delongP) {
    }

    /**
     * The detectability of the audited generator.
     *
     * @param value               ROC AUC of the headline scores (generated = positive class)
     * @param n                   real + generated images scored
     * @param ci                  the headline AUC interval (its method says which)
     * @param mode                "cross-validation" or "fixed detector"
     * @param generator           the generator (model id or samples folder) the headline scores are of
     * @param aucDelongCi         DeLong's interval for fixed scores
     * @param tprAt_1pctFpr       TPR at the best operating point with FPR ≤ 1% (gate field tpr_at_1pct_fpr)
     * @param detectionRate       fixed detector: share of generated images above the calibrated threshold; cross-validation: TPR at {@code fpr}
     * @param detectionRateCi     Clopper-Pearson interval of the fixed detector's detection rate, or null
     * @param threshold           the fixed detector's threshold, or null
     * @param calibrationFpr      share of real images above that threshold, or null
     * @param rocFpr              ROC corners (scikit-learn's drop_intermediate): false-positive rates
     * @param rocTpr              ... and true-positive rates
     * @param meanSpectrumReal    mean azimuthal log power spectrum of the real images, or null
     * @param markedShare         share of generated files with a synthetic-origin mark, or null when not surveyed
     * @param markLocations       marked files per location of the mark
     */
    public record Result(double value, long n, Interval ci, String mode, String generator, double auc, Interval aucDelongCi, double ap, double eer,
                         double eerThreshold, double accuracyAtEer, double tprAt_1pctFpr, double fpr, double tprAtFpr, int nReal, int nFake,
                         double detectionRate, Interval detectionRateCi, Double threshold, Double calibrationFpr,
                         double[] rocFpr, double[] rocTpr, double[] meanSpectrumReal, double[] meanSpectrumGenerated,
                         List<RobustnessPoint> robustness, List<Transfer> crossGenerator,
                         Integer markedFiles, Double markedShare, Interval markedShareCi, Map<String, Integer> markLocations,
                         Integer c2paFiles, Double c2paShare, Interval c2paShareCi,
                         Integer validSignatureFiles, Double validSignatureShare, Interval validSignatureShareCi,
                         List<MarkedFile> markImages, List<MarkRobustness> markRobustness, List<String> notes) implements MetricResult {
    }

    @Override
    public DetectabilityState newState(Params p) {
        return new DetectabilityState();
    }

    @Override
    public Result compute(DetectabilityState s, Params p) {
        ScoreSet headline = s.headline();
        if (headline == null) throw new IllegalArgumentException("no headline detector scores to evaluate");
        DetectabilityMetrics m = metricsOf(s, headline, p);
        List<String> notes = new ArrayList<>();
        FixedFprThreshold gate = null;
        if (headline.scoring() == ScoreSet.Scoring.FIXED_DETECTOR) {
            gate = FixedFprThreshold.evaluate(s.scores(headline, Label.REAL), s.scores(headline, Label.GENERATED), p.fpr());
            notes.add(fixedDetectorNote(gate, p.fpr()));
        } else {
            notes.add(OUT_OF_FOLD_NOTE);
        }
        MarkShares marks = MarkShares.of(s.markedFiles());
        notes.addAll(marks.notes());
        RocCurve corners = m.roc().dropIntermediate();
        return new Result(m.auc(), (long) m.nReal() + m.nFake(), m.aucCi(),
                headline.scoring() == ScoreSet.Scoring.FIXED_DETECTOR ? "fixed detector" : "cross-validation", headline.name(),
                m.auc(), m.aucCiDeLong(), m.ap(), m.eer(), m.eerThreshold(), m.accuracyAtEer(), m.roc().tprAtFpr(0.01), m.fpr(),
                m.tprAtFpr(), m.nReal(), m.nFake(),
                gate != null ? gate.detectionRate() : m.tprAtFpr(), gate != null ? gate.detectionCi() : null,
                gate != null ? gate.threshold() : null, gate != null ? gate.achievedFpr() : null,
                corners.fpr(), corners.tpr(), s.meanSpectrum(Label.REAL), s.meanSpectrum(Label.GENERATED),
                robustness(s, p), transfers(s, p),
                marks.marked(), marks.markedShare(), marks.markedCi(), marks.where(),
                marks.c2pa(), marks.c2paShare(), marks.c2paCi(),
                marks.valid(), marks.validShare(), marks.validCi(),
                marks.surveyed() ? List.copyOf(s.markedFiles().values()) : null, marks.surveyed() ? s.markEdits() : null,
                List.copyOf(notes));
    }

    static final String OUT_OF_FOLD_NOTE = "Scores are out-of-fold: each image was scored by a detector trained without it (stratified "
            + "k-fold, see the folds setting). Each fold's images also train the detectors that score the other folds, which makes the AUC vary more "
            + "than a fixed detector's would, so the AUC interval is DeLong's with its variance doubled (coverage checked on real-vs-real "
            + "and weak-signal splits in bench/detect). 'ROC AUC (DeLong)' is the fixed-scores interval.";

    private static String fixedDetectorNote(FixedFprThreshold gate, double fpr) {
        return String.format(Locale.ROOT, "Fixed detector: threshold set on the %d real images so that at most %.1f%% score above it "
                        + "(achieved %.2f%%); detection rate is the share of %d generated images above it. The interval covers the generated sample only.",
                gate.nCalibration(), 100 * fpr, 100 * gate.achievedFpr(), gate.nGenerated());
    }

    /** Metrics of one score set, with the interval its scoring calls for (see {@link DetectabilityMetrics}). */
    private static DetectabilityMetrics metricsOf(DetectabilityState s, ScoreSet set, Params p) {
        double[] scores = s.scores(set);
        int[] labels = s.labels(set);
        return set.scoring() == ScoreSet.Scoring.OUT_OF_FOLD
                ? DetectabilityMetrics.ofCrossValidated(scores, labels, p.fpr())
                : DetectabilityMetrics.of(scores, labels, p.fpr(), p.bootstrap(), p.seed());
    }

    private static List<RobustnessPoint> robustness(DetectabilityState s, Params p) {
        List<RobustnessPoint> out = new ArrayList<>();
        for (ScoreSet set : s.scoreSets().keySet()) {
            if (set.role() == ScoreSet.Role.PERTURBED) {
                out.add(new RobustnessPoint(set.name(), set.strength(), DetectionSummary.of(metricsOf(s, set, p))));
            }
        }
        return List.copyOf(out);
    }

    private static List<Transfer> transfers(DetectabilityState s, Params p) {
        ScoreSet within = null;
        List<ScoreSet> across = new ArrayList<>();
        for (ScoreSet set : s.scoreSets().keySet()) {
            if (set.role() == ScoreSet.Role.TRANSFER_WITHIN) within = set;
            if (set.role() == ScoreSet.Role.TRANSFER_ACROSS) across.add(set);
        }
        if (across.isEmpty()) return List.of();
        if (within == null) throw new IllegalArgumentException("cross-generator scores without the held-out scores of the trained-on generator");
        DetectionSummary w = DetectionSummary.of(metricsOf(s, within, p));
        List<Transfer> out = new ArrayList<>();
        for (ScoreSet a : across) {
            DeLong.Comparison c = DeLong.unpaired(s.scores(within), s.labels(within), s.scores(a), s.labels(a));
            out.add(new Transfer(within.name(), within.trainReal(), within.trainGenerated(), w, a.name(),
                    DetectionSummary.of(metricsOf(s, a, p)), c.difference(), c.pValue()));
        }
        return List.copyOf(out);
    }

    /** The mark survey's shares with Clopper-Pearson intervals; all null when no files were surveyed. */
    private record MarkShares(Integer files, Integer marked, Double markedShare, Interval markedCi, Map<String, Integer> where,
                              Integer c2pa, Double c2paShare, Interval c2paCi, Integer valid, Double validShare, Interval validCi,
                              List<String> notes) {
        static MarkShares of(Map<String, MarkedFile> files) {
            if (files.isEmpty()) return new MarkShares(null, null, null, null, null, null, null, null, null, null, null, List.of());
            int n = files.size(), marked = 0, c2pa = 0, valid = 0;
            Map<String, Integer> where = new TreeMap<>();
            List<String> unmarked = new ArrayList<>();
            for (MarkedFile f : files.values()) {
                if (f.c2pa()) c2pa++;
                if (f.validSignature()) valid++;
                if (f.marked()) {
                    marked++;
                    for (String w : f.where()) where.merge(w, 1, Integer::sum);
                } else if (unmarked.size() < 5) {
                    unmarked.add(f.file());
                }
            }
            List<String> notes = new ArrayList<>();
            if (marked < n) notes.add((n - marked) + " of " + n + " generated files carry no machine-readable synthetic-origin mark, e.g. " + unmarked + ".");
            if (c2pa > 0) notes.add("C2PA: the claim signature is checked against the certificate embedded in the manifest; no trust list is consulted, "
                    + "so a valid signature shows integrity, not who signed. Timestamps and revocation are not checked.");
            return new MarkShares(n, marked, (double) marked / n, FixedFprThreshold.clopperPearson(marked, n, 0.95), java.util.Collections.unmodifiableMap(where),
                    c2pa, (double) c2pa / n, FixedFprThreshold.clopperPearson(c2pa, n, 0.95),
                    valid, (double) valid / n, FixedFprThreshold.clopperPearson(valid, n, 0.95), List.copyOf(notes));
        }

        boolean surveyed() {
            return files != null;
        }
    }
}
