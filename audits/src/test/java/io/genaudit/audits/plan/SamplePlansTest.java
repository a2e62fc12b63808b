package io.genaudit.audits.plan;

import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.cli.DemoCommand;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The sample plans in fixtures/plans and the embedded demo plan stay valid against the registered modules and pass the preflight. */
class SamplePlansTest {
    private final PlanParser parser = new PlanParser(Registry.load());

    @Test
    void samplePlansParse() throws Exception {
        Path dir = Path.of("..", "fixtures", "plans");
        List<Path> plans;
        try (Stream<Path> s = Files.list(dir)) {
            plans = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(plans.size() >= 4, "sample plans in " + dir.toAbsolutePath());
        for (Path p : plans) {
            Plan plan = parser.parse(p);
            assertFalse(plan.audits().isEmpty(), p.toString());
            io.genaudit.audits.run.Preflight.check(plan, null, null, null);
        }
    }

    @Test
    void demoPlanParsesAndCoversEveryModule() throws Exception {
        Plan plan = parser.parse("demo.yaml", null, DemoCommand.planText());
        io.genaudit.audits.run.Preflight.check(plan, null, null, null);
        List<String> metrics = plan.audits().stream().map(a -> a.spec().metric()).toList();
        for (String m : List.of("perplexity", "diversity", "bias-lm", "fid", "kid", "prdc", "bias-image", "detectability")) {
            assertTrue(metrics.contains(m), "demo runs " + m);
        }
    }
}
