package io.genaudit.audits.plan;

import io.genaudit.audits.PlanException;
import io.genaudit.audits.registry.Registry;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Plan texts read as {@code plan.yaml} with the modules and providers on the test class path, for the plan tests. */
final class PlanTexts {
    private static final PlanParser PARSER = new PlanParser(Registry.load());

    private PlanTexts() {
    }

    /** The plan {@code text} describes. */
    static Plan parse(String text) {
        return PARSER.parse("plan.yaml", null, text);
    }

    /** The error reading {@code text} must give. */
    static PlanException fails(String text) {
        return assertThrows(PlanException.class, () -> parse(text));
    }
}
