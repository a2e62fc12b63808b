package io.genaudit.audits.cli;

import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.plan.PlanParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code genaudit demo}: the embedded default. Runs the built-in demo plan (fixtures' demo.yaml): trains the small
 * reference models on fixture data and audits them, writing the full evidence to genaudit-out/demo/.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train the built-in models on fixtures and audit them (the embedded demo plan).")
public final class DemoCommand implements GenauditSubcommand, Callable<Integer> {
    /** Class-path location of the demo plan. */
    public static final String PLAN_RESOURCE = "/io/genaudit/datasets/plans/demo.yaml";

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: genaudit-out/demo).")
    Path out = Path.of("genaudit-out", "demo");

    @Mixin
    PlanRunOptions run;

    /** The demo plan's text. */
    public static String planText() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(PLAN_RESOURCE)) {
            if (in == null) throw new IllegalStateException("demo plan missing from the class path: " + PLAN_RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public Integer call() throws Exception {
        Registry registry = Registry.load();
        Plan p = new PlanParser(registry).parse("demo.yaml (built in)", null, planText());
        return run.runAndWrite(registry, p, out);
    }
}
