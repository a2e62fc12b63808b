package io.genaudit.audits.compare;

import io.genaudit.reports.AuditResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where a result was computed (one JVM or Spark, in how many pieces) does not block a comparison; data and settings do. */
class ComparabilityTest {
    private static AuditResult fid(Map<String, Object> settings) {
        return AuditResult.builder("fid-gen", "fid").value(3.0).n(100L)
                .setting("data_sha256", List.of("aa", "bb")).setting("k", 5).settings(settings).build();
    }

    @Test
    void sparkExecutionSettingsMayDifferFromTheSingleJvm() {
        AuditResult local = fid(Map.of());
        AuditResult spark = fid(Map.of("engine", "spark", "partitions", 8, "batch_rows", 512, "batch_documents", 64,
                "probe_tasks", 3, "merge", "exact: summary states merged by treeReduce"));
        assertEquals(List.of(), Comparability.problems(local, spark));
        assertEquals(List.of(), Comparability.problems(spark, fid(Map.of("engine", "spark", "partitions", 2,
                "merge", "exact: items collected on driver in global row-id order"))));
    }

    @Test
    void anApproximateMergeOtherDataOrOtherSettingsAreRefused() {
        AuditResult local = fid(Map.of());
        assertEquals(List.of("setting 'merge' differs: null vs approximate: sketches"),
                Comparability.problems(local, fid(Map.of("merge", "approximate: sketches"))));
        AuditResult otherData = AuditResult.builder("fid-gen", "fid").value(3.0).setting("data_sha256", List.of("aa", "cc")).setting("k", 5).build();
        assertEquals(1, Comparability.problems(local, otherData).size());
        assertEquals(List.of("setting 'k' differs: 5 vs 3"), Comparability.problems(local, fid(Map.of("k", 3))));
    }
}
