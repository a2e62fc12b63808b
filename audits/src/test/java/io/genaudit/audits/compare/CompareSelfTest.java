package io.genaudit.audits.compare;

import io.genaudit.reports.AuditResult;
import io.genaudit.values.Interval;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comparability judged on content, not on where files lie or on what describes each model. */
class CompareSelfTest {
    static AuditResult result(String model, Map<String, Object> settings) {
        return new AuditResult("fid", "fid", model, null, 1.0, null, new Interval(0.95, 0.5, 1.5, "fixed"), 10L, settings,
                null, Map.of(), null, null, null, null);
    }

    @Test
    void pathsInSettingsDoNotMatterButContentDoes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("real", "folder /home/ci/.cache/genaudit/fixtures/shapes-0/images (2000 PNG, 32x32x3)");
        a.put("data_sha256", "ab".repeat(32));
        a.put("kernel", "(x.y/d + 1)^3");
        Map<String, Object> b = new LinkedHashMap<>(a);
        b.put("real", "folder /tmp/other-cache/fixtures/shapes-0/images (2000 PNG, 32x32x3)");
        assertEquals(List.of(), Comparability.problems(result("gan", a), result("gan", b)));
        b.put("data_sha256", "cd".repeat(32));
        assertTrue(Comparability.problems(result("gan", a), result("gan", b)).get(0).contains("different data"));
        Map<String, Object> c = new LinkedHashMap<>(a);
        c.put("real", "folder /tmp/x/images (1000 PNG, 32x32x3)");
        assertEquals(1, Comparability.problems(result("gan", a), result("gan", c)).size(), "the rest of the text still counts");
    }

    @Test
    void modelDescribingSettingsMayDiffer() {
        Map<String, Object> a = Map.of("model_context_length", 128, "generated", "300 samples of DCGAN", "stride", 32);
        Map<String, Object> b = Map.of("model_context_length", 64, "generated", "300 samples of VAE", "stride", 32);
        assertEquals(List.of(), Comparability.problems(result("a", a), result("b", b)));
        Map<String, Object> c = Map.of("model_context_length", 64, "generated", "300 samples of VAE", "stride", 16);
        assertTrue(Comparability.problems(result("a", a), result("b", c)).get(0).contains("stride"));
    }
}
