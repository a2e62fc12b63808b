package io.genaudit.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genaudit.reports.AtomicWrite;
import io.genaudit.reports.ReportWriter;
import io.genaudit.reports.RunRecord;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a Spark run's outputs: the usual report, JUnit and summary files from the {@link RunRecord}, and run.json
 * with one more top-level block, {@code execution} ({@link ExecutionRecord}, plus {@code merges}: each audit's merge
 * label, which says whether and how its distributed result is exact); readers of run.json ignore unknown
 * fields, so {@code genaudit compare} and {@code card} read it like any other run record.
 */
public final class SparkRunRecord {
    private SparkRunRecord() {
    }

    /** Writes every output of {@code record} into {@code dir}, run.json with {@code execution}. */
    public static void write(RunRecord record, ExecutionRecord execution, Path dir) throws IOException {
        ReportWriter.writeAll(record, dir);
        ObjectMapper mapper = io.genaudit.reports.RunRecordJson.mapper();
        ObjectNode tree = mapper.valueToTree(record);
        ObjectNode exec = mapper.valueToTree(execution);
        ObjectNode merges = exec.putObject("merges"); // audit id -> how its distributed parts were combined ("exact: ...")
        for (var a : record.audits()) {
            Object m = a.settings() == null ? null : a.settings().get("merge");
            if (m != null) merges.put(a.id(), String.valueOf(m));
        }
        tree.set("execution", exec);
        AtomicWrite.writeString(dir.resolve(ReportWriter.JSON), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n");
    }
}
