package io.genaudit.audits.run;

import io.genaudit.audits.plan.GateSpec;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.GateOutcome;
import io.genaudit.values.Interval;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class GateEvaluatorTest {
    private static AuditResult result(double v, Interval ci, Map<String, Object> details) {
        return new AuditResult("a", "perplexity", "m", "d", v, null, ci, 100L, null, null, details, null, null, null, null);
    }

    @Test
    void maxGate() {
        GateSpec g = new GateSpec("max", 40, "value", null, null);
        assertTrue(GateEvaluator.evaluate(g, result(39.9, null, null)).passed());
        assertTrue(GateEvaluator.evaluate(g, result(40, null, null)).passed());
        GateOutcome f = GateEvaluator.evaluate(g, result(40.1, null, null));
        assertFalse(f.passed());
        assertTrue(f.explanation().contains("above the maximum of 40: FAIL"), f.explanation());
    }

    @Test
    void minGateOnDetailField() {
        GateSpec g = new GateSpec("min", 0.9, "auc", null, null);
        assertTrue(GateEvaluator.evaluate(g, result(0, null, Map.of("auc", 0.95))).passed());
        assertFalse(GateEvaluator.evaluate(g, result(1, null, Map.of("auc", 0.85))).passed());
        GateOutcome missing = GateEvaluator.evaluate(g, result(1, null, Map.of()));
        assertFalse(missing.passed());
        assertTrue(missing.explanation().contains("not computed"));
    }

    @Test
    void explanationMentionsIntervalStraddlingThreshold() {
        GateSpec g = new GateSpec("max", 40, "value", null, null);
        GateOutcome o = GateEvaluator.evaluate(g, result(39, new Interval(0.95, 37, 41, "bootstrap"), null));
        assertTrue(o.passed());
        assertTrue(o.explanation().contains("95% CI 37 to 41"), o.explanation());
        assertTrue(o.explanation().contains("within noise"), o.explanation());
    }
}
