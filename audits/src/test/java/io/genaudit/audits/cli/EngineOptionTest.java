package io.genaudit.audits.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code genaudit audit} asked to run on Spark without the genaudit-spark module on the class path (the core command
 * line): exit 2 with one line saying how to run the plan, before any work; {@code --engine local} runs it here.
 */
class EngineOptionTest {
    @TempDir
    Path dir;

    private Path plan(String execution) throws Exception {
        Path p = dir.resolve("plan.yaml");
        Files.writeString(p, "name: on-spark\n" + execution + """
                audits:
                  - id: score
                    metric: echo
                    params: {value: 2}
                """);
        return p;
    }

    @Test
    void aSparkPlanWithoutTheSparkModuleSaysHowToRunIt() throws Exception {
        Path p = plan("execution:\n  engine: spark\n  master: 'spark://10.1.1.1:7077'\n");
        Path out = dir.resolve("out");
        CliRun r = CliRun.execute(false, "audit", p.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), "one line: " + line);
        assertTrue(line.contains("field 'execution.engine' (line 3)"), line);
        assertTrue(line.contains("spark-submit --master spark://10.1.1.1:7077 --class io.genaudit.spark.SparkAuditMain "
                + "genaudit-spark-0.1.0-shaded.jar audit " + p), line);
        assertFalse(Files.exists(out));
    }

    @Test
    void anOutputUriNeedsTheSparkEngine() throws Exception {
        CliRun r = CliRun.execute(false, "audit", plan("").toString(), "--out", "s3a://bucket/runs/x");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--out s3a://bucket/runs/x: a s3a: URI is written through Hadoop's file systems, which only "
                + "the Spark engine has; run with --engine spark or give a local folder"), r.err());
        assertFalse(Files.exists(Path.of("s3a:")));
    }

    @Test
    @Tag("integration") // ends with a whole local plan run and its PDF report
    void theCommandLineAsksForSparkOrKeepsThePlanHere() throws Exception {
        Path p = plan("");
        Path out = dir.resolve("out");
        CliRun spark = CliRun.execute(false, "audit", p.toString(), "--out", out.toString(), "--engine", "spark", "--spark-master", "local[2]");
        assertEquals(2, spark.code(), spark.err());
        assertTrue(spark.err().contains("--engine: engine 'spark' needs the genaudit-spark module"), spark.err());
        CliRun badMaster = CliRun.execute(false, "audit", p.toString(), "--out", out.toString(), "--spark-master", "mesos://h:5050");
        assertEquals(2, badMaster.code());
        assertTrue(badMaster.err().contains("not a Spark master URL"), badMaster.err());
        assertFalse(Files.exists(out));

        Path sparkPlan = plan("execution: {engine: spark, partitions: 4}\n");
        CliRun local = CliRun.execute(false, "audit", sparkPlan.toString(), "--out", out.toString(), "--engine", "local");
        assertEquals(0, local.code(), local.err());
        assertTrue(Files.isRegularFile(out.resolve("run.json")));
    }
}
