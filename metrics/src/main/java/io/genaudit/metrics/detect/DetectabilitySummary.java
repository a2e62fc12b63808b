package io.genaudit.metrics.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flat, JSON-ready view of {@link DetectabilityMetrics} that the CLI writes and audit results carry in their
 * details (field names are the gate fields: auc, ap, eer, tpr_at_1pct_fpr, ...).
 */
public final class DetectabilitySummary {
    private DetectabilitySummary() {
    }

    public static Map<String, Object> of(DetectabilityMetrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("auc", m.auc());
        out.put("auc_ci", List.of(m.aucCi().low(), m.aucCi().high()));
        out.put("auc_ci_method", m.aucCi().method());
        out.put("auc_ci_estimand", m.aucCi().estimand());
        out.put("auc_ci_delong", List.of(m.aucCiDeLong().low(), m.aucCiDeLong().high()));
        out.put("ap", m.ap());
        out.put("eer", m.eer());
        out.put("eer_threshold", m.eerThreshold());
        out.put("accuracy_at_eer", m.accuracyAtEer());
        out.put("tpr_at_1pct_fpr", m.roc().tprAtFpr(0.01));
        out.put("fpr", m.fpr());
        out.put("tpr_at_fpr", m.tprAtFpr());
        out.put("n_real", m.nReal());
        out.put("n_fake", m.nFake());
        return out;
    }

    /** Settings as a JSON-ready map. */
    public static Map<String, Object> settings(DetectabilitySettings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("features", s.features().spec());
        out.put("feature_dimension", s.features().dimension());
        out.put("classifier", s.classifier().id());
        out.put("folds", s.folds());
        out.put("fpr", s.fpr());
        out.put("bootstrap_resamples", s.resamples());
        out.put("seed", s.seed());
        return out;
    }
}
