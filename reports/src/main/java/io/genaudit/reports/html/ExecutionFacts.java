package io.genaudit.reports.html;

import io.genaudit.reports.ExecutionRecord;
import io.genaudit.reports.format.Numbers;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's view of a distributed run ({@link ExecutionRecord}): the engine, master, versions, executors and
 * partitioning as key-value rows for the provenance section, and the merge of each audit's state (exact or
 * approximate) as a table. Nothing for a run in one JVM.
 */
final class ExecutionFacts {
    private ExecutionFacts() {
    }

    /** The execution block as rows, or none when {@code e} is null. */
    static List<Views.KeyValue> facts(ExecutionRecord e) {
        if (e == null) return List.of();
        List<Views.KeyValue> kv = new ArrayList<>();
        kv.add(new Views.KeyValue("Engine", text(e.engine())));
        kv.add(new Views.KeyValue("Master", text(e.master())));
        kv.add(new Views.KeyValue("Spark version", text(e.sparkVersion())));
        kv.add(new Views.KeyValue("Java version (driver)", text(e.javaVersion())));
        kv.add(new Views.KeyValue("Executors", e.executors() == 0 ? "0 (local mode: the driver's threads)" : Integer.toString(e.executors())));
        kv.add(new Views.KeyValue("Task slots", Integer.toString(e.defaultParallelism())));
        kv.add(new Views.KeyValue("Partitions per input table", Integer.toString(e.partitions())));
        kv.add(new Views.KeyValue("treeReduce depth", Integer.toString(e.treeDepth())));
        kv.add(new Views.KeyValue("Rows per batch", Integer.toString(e.batchRows())));
        kv.add(new Views.KeyValue("Exactness", e.merges().isEmpty() ? Numbers.MISSING
                : e.allExact() ? "every audit merged exactly (equal to one JVM up to rounding)" : "some audits merged approximately (see below)"));
        kv.add(new Views.KeyValue("Local check", e.localCheck() == null ? "not run (--check-local)" : e.localCheck()));
        return kv;
    }

    /** How each audit's partition states were merged, or null when {@code e} is null or names no audit. */
    static Views.TableView merges(ExecutionRecord e) {
        if (e == null || e.merges().isEmpty()) return null;
        List<List<String>> rows = new ArrayList<>();
        e.merges().forEach((audit, merge) -> rows.add(List.of(audit, merge)));
        return new Views.TableView("Merge of each audit's partition states", List.of("Audit", "Merge"), rows);
    }

    private static String text(String s) {
        return s == null ? Numbers.MISSING : s;
    }
}
