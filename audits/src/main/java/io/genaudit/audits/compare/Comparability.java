package io.genaudit.audits.compare;

import io.genaudit.reports.AuditResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether two results may be compared: same metric, same dataset (by SHA-256), and the same settings
 * (feature extractor, k, ...). Model identity, what describes the model ({@code model_*} settings, the generated
 * samples' description) and seeds may differ; file locations inside settings are ignored, the data being compared
 * by its content hash ({@code data_sha256}). Where a result was computed does not matter either: the Spark engine's
 * execution settings ({@code engine}, {@code partitions}, rows or documents per block, probe tasks, and an
 * {@code exact} merge) describe how, not what, so a Spark run and a single-JVM run of the same inputs compare.
 */
public final class Comparability {
    /** Settings that legitimately differ between the runs being compared: seeds and what describes the model under test. */
    private static final Set<String> MAY_DIFFER = Set.of("seed", "model_sha256", "model", "generated");
    /** Settings named {@code model_*} describe the model under test (its context length, tokenizer): they may differ too. */
    private static final String MODEL_PREFIX = "model_";
    /** Settings of the Spark engine that leave the value unchanged (up to rounding): where and in which pieces it ran. */
    private static final Set<String> EXECUTION = Set.of("engine", "partitions", "batch_rows", "batch_documents", "probe_tasks");
    /** The Spark engine's merge label: an {@code exact} merge equals the single JVM, an approximate one must match. */
    private static final String MERGE = "merge";
    /** An absolute file path inside a setting's text: compared by the content hashes recorded with it, not by location. */
    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile("(?<![\\w.])(/[^\\s,;()\\[\\]{}]+)+");

    private Comparability() {
    }

    /** Why {@code a} and {@code b} cannot be compared (empty when they can). */
    public static List<String> problems(AuditResult a, AuditResult b) {
        List<String> out = new ArrayList<>();
        if (!a.metric().equals(b.metric())) {
            out.add("different metrics: " + a.metric() + " vs " + b.metric());
            return out;
        }
        Set<String> keys = new TreeSet<>(a.settings().keySet());
        keys.addAll(b.settings().keySet());
        for (String k : keys) {
            if (MAY_DIFFER.contains(k) || k.startsWith(MODEL_PREFIX) || EXECUTION.contains(k)) continue;
            Object va = a.settings().get(k);
            Object vb = b.settings().get(k);
            if (k.equals(MERGE) && exactOrAbsent(va) && exactOrAbsent(vb)) continue;
            if (!sameValue(va, vb)) {
                String what = k.equals("data_sha256") && (va == null || vb == null)
                        ? "the data's SHA-256 is recorded in only one run (a record of an earlier genaudit version?): rerun it to compare"
                        : k.equals("data_sha256") ? "different data (SHA-256 " + shortSha(va) + " vs " + shortSha(vb) + ")"
                        : "setting '" + k + "' differs: " + va + " vs " + vb;
                out.add(what);
            }
        }
        return out;
    }

    private static boolean exactOrAbsent(Object merge) {
        return merge == null || String.valueOf(merge).startsWith("exact");
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        if (a instanceof String x && b instanceof String y) return withoutPaths(x).equals(withoutPaths(y));
        return Objects.equals(a, b);
    }

    /** {@code text} with absolute paths replaced by a placeholder (cache and checkout locations differ between machines). */
    static String withoutPaths(String text) {
        return PATH.matcher(text).replaceAll("<path>");
    }

    private static String shortSha(Object v) {
        if (v instanceof List<?> l) return l.stream().map(Comparability::shortSha).toList().toString();
        String s = String.valueOf(v);
        return s.length() > 12 ? s.substring(0, 12) + "…" : s;
    }
}
