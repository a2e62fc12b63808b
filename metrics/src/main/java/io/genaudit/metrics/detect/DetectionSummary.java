package io.genaudit.metrics.detect;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.genaudit.values.Interval;

/**
 * The error rates of one score set as plain values (a robustness point, one side of a transfer test): ROC AUC with
 * its headline and DeLong intervals, average precision, equal error rate, accuracy at the EER threshold, TPR at 1% FPR
 * and at the chosen FPR, and the class sizes.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DetectionSummary(double auc, Interval aucCi, Interval aucDelongCi, double ap, double eer, double eerThreshold,
                               double accuracyAtEer, double tprAt_1pctFpr, double fpr, double tprAtFpr, int nReal, int nFake) {

    /** The summary of {@code m}. */
    public static DetectionSummary of(DetectabilityMetrics m) {
        return new DetectionSummary(m.auc(), m.aucCi(), m.aucCiDeLong(), m.ap(), m.eer(), m.eerThreshold(), m.accuracyAtEer(),
                m.roc().tprAtFpr(0.01), m.fpr(), m.tprAtFpr(), m.nReal(), m.nFake());
    }
}
