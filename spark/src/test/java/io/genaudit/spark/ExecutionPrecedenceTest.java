package io.genaudit.spark;

import io.genaudit.audits.execution.EngineRun;
import io.genaudit.audits.plan.ExecutionSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which settings a Spark run uses (command line, then the master spark-submit set, then the plan's execution block,
 * then the defaults), and what {@code genaudit audit --engine spark} hands {@link SparkAuditMain}; no Spark needed.
 */
class ExecutionPrecedenceTest {
    private static final ExecutionSpec NO_FLAGS = new ExecutionSpec("spark", null, null, null);
    private static final ExecutionSpec PLAN = new ExecutionSpec("spark", "spark://plan:7077", 64, 3);

    @Test
    void theCommandLineThenSparkSubmitThenThePlanThenTheDefaults() {
        assertEquals(new ExecutionSpec("spark", "spark://plan:7077", 64, 3), SparkAuditMain.effective(NO_FLAGS, null, PLAN));
        assertEquals(new ExecutionSpec("spark", "yarn", 64, 3), SparkAuditMain.effective(NO_FLAGS, "yarn", PLAN),
                "inside spark-submit its master wins over the plan's");
        assertEquals(new ExecutionSpec("spark", "local[2]", 8, 2),
                SparkAuditMain.effective(new ExecutionSpec("spark", "local[2]", 8, 2), "yarn", PLAN), "the command line wins");
        assertEquals(new ExecutionSpec("spark", "local[*]", null, 2), SparkAuditMain.effective(NO_FLAGS, null, ExecutionSpec.DEFAULT));
    }

    @Test
    void theCoreCommandLineHandsOverTheEffectiveSettings() {
        EngineRun run = new EngineRun(Path.of("p.yaml"), "s3a://b/out", new ExecutionSpec("spark", "local[2]", 4, 3), 11L, Path.of("models"),
                Path.of("store"));
        assertEquals(List.of("audit", "p.yaml", "--out", "s3a://b/out", "--master", "local[2]", "--partitions", "4", "--tree-depth", "3",
                "--seed", "11", "--cache", "models", "--store", "store"), SparkExecutionEngine.arguments(run));
        assertEquals(List.of("audit", "p.yaml", "--out", "out"),
                SparkExecutionEngine.arguments(new EngineRun(Path.of("p.yaml"), "out", NO_FLAGS, null, null, null)));
    }
}
