package io.genaudit.audits.plan;

import io.genaudit.audits.PlanException;
import io.genaudit.audits.registry.Registry;
import io.genaudit.engine.InputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan's {@code execution:} block: parsed, validated with the plan line in every error, overridden by the command line. */
class ExecutionBlockTest {
    private final PlanParser parser = new PlanParser(Registry.load());

    private static final String AUDITS = """
            audits:
              - id: a
                metric: echo
            """;

    private Plan parse(String execution) {
        return parser.parse("plan.yaml", null, "name: t\n" + execution + AUDITS);
    }

    private String error(String execution) {
        return assertThrows(PlanException.class, () -> parse(execution)).getMessage();
    }

    @Test
    void aPlanWithoutTheBlockRunsInThisJvm() {
        Plan p = parse("");
        assertEquals(ExecutionSpec.DEFAULT, p.execution());
        assertFalse(p.execution().spark());
    }

    @Test
    void everyFieldIsRead() {
        ExecutionSpec e = parse("execution: {engine: spark, master: 'spark://10.0.0.5:7077', partitions: 64, tree_depth: 3}\n").execution();
        assertEquals(new ExecutionSpec("spark", "spark://10.0.0.5:7077", 64, 3), e);
        assertTrue(e.spark());
        assertEquals(new ExecutionSpec("spark", "local[2]", null, null), parse("execution:\n  engine: spark\n  master: local[2]\n").execution());
        assertEquals(new ExecutionSpec("spark", "yarn", null, null), parse("execution: {engine: spark, master: yarn}\n").execution());
        assertEquals(new ExecutionSpec("spark", "k8s://https://api:6443", null, null),
                parse("execution: {engine: spark, master: 'k8s://https://api:6443'}\n").execution());
    }

    @Test
    void badBlocksAreRefusedWithTheirLine() {
        String unknown = error("execution:\n  engine: spark\n  executors: 4\n");
        assertTrue(unknown.contains("execution.executors (line 4)") && unknown.contains("unknown key 'executors'"), unknown);
        String engine = error("execution: {engine: flink}\n");
        assertTrue(engine.contains("execution.engine (line 2)") && engine.contains("local or spark expected, got 'flink'"), engine);
        String master = error("execution:\n  engine: spark\n  master: 'http://host:7077'\n");
        assertTrue(master.contains("execution.master (line 4)") && master.contains("not a Spark master URL"), master);
        String parts = error("execution: {engine: spark, partitions: 0}\n");
        assertTrue(parts.contains("execution.partitions (line 2)") && parts.contains("at least 1"), parts);
        String depth = error("execution: {engine: spark, tree_depth: 1}\n");
        assertTrue(depth.contains("execution.tree_depth") && depth.contains("at least 2"), depth);
        String notInt = error("execution: {engine: spark, partitions: many}\n");
        assertTrue(notInt.contains("an integer expected"), notInt);
        String localWithMaster = error("execution: {master: 'local[4]'}\n");
        assertTrue(localWithMaster.contains("apply to engine spark only"), localWithMaster);
        String notAMap = error("execution: spark\n");
        assertTrue(notAMap.contains("a mapping"), notAMap);
    }

    @Test
    void theCommandLineOverridesThePlanFieldByField() {
        ExecutionSpec plan = new ExecutionSpec("spark", "spark://a:7077", 64, 3);
        assertEquals(new ExecutionSpec("spark", "local[2]", 64, 3), plan.overriddenBy(null, "local[2]", null));
        assertEquals(new ExecutionSpec("spark", "spark://a:7077", 8, 3), plan.overriddenBy("spark", null, 8));
        assertEquals(ExecutionSpec.DEFAULT, plan.overriddenBy("local", null, null));
        assertEquals(plan, plan.overriddenBy(null, null, null));
        // a master alone asks for Spark
        assertEquals(new ExecutionSpec("spark", "local[2]", null, null), ExecutionSpec.DEFAULT.overriddenBy(null, "local[2]", null));
        assertNull(ExecutionSpec.DEFAULT.overriddenBy("spark", null, null).master());
        InputException bad = assertThrows(InputException.class, () -> ExecutionSpec.DEFAULT.overriddenBy("spark", "mesos:/x", null));
        assertTrue(bad.getMessage().startsWith("--engine/--spark-master/--partitions: master 'mesos:/x'"), bad.getMessage());
        assertThrows(InputException.class, () -> ExecutionSpec.DEFAULT.overriddenBy("hadoop", null, null));
        assertThrows(InputException.class, () -> ExecutionSpec.DEFAULT.overriddenBy("local", "local[2]", null));
    }

    @Test
    void clusterMastersAreTheNonLocalOnes() {
        assertTrue(ExecutionSpec.clusterMaster("spark://h:7077"));
        assertTrue(ExecutionSpec.clusterMaster("yarn"));
        assertFalse(ExecutionSpec.clusterMaster("local[*]"));
        assertFalse(ExecutionSpec.clusterMaster("local-cluster[2,1,1024]"));
        assertFalse(ExecutionSpec.clusterMaster(null));
    }
}
