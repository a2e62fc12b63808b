package io.genaudit.audits.plan;

import io.genaudit.audits.PlanException;
import io.genaudit.audits.registry.Registry;
import io.genaudit.engine.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class PlanParserTest {
    private final PlanParser parser = new PlanParser(Registry.load());

    private static final String VALID = """
            name: t
            seed: 7
            models:
              - id: m
                type: fake
                size: 3
            datasets:
              - id: d
                path: fixture:none
            audits:
              - id: a
                metric: echo
                model: m
                data: d
                params: {value: 3.5}
                gate: {max: 40}
              - id: b
                metric: echo
                gate: {min: 0.9, on: detail}
            """;

    private PlanException fails(String text) {
        return assertThrows(PlanException.class, () -> parser.parse("plan.yaml", null, text));
    }

    @Test
    void parsesAValidPlan() {
        Plan p = parser.parse("plan.yaml", null, VALID);
        assertEquals("t", p.name());
        assertEquals(7, p.seed());
        assertEquals(2, p.audits().size());
        assertEquals(new GateSpec("max", 40, "value", null, null), p.audits().get(0).gate());
        assertEquals(new GateSpec("min", 0.9, "detail", null, null), p.audits().get(1).gate());
        assertEquals(3.5, p.audits().get(0).spec().params().doubleParam("value", 0));
        assertEquals(3, p.models().get(0).params().intParam("size", 0));
        assertEquals(64, p.sha256().length());
    }

    @Test
    void unknownTopLevelKeyIsAnError() {
        PlanException e = fails(VALID + "colour: blue\n");
        assertTrue(e.getMessage().contains("plan.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'colour'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 20"), e.getMessage());
    }

    @Test
    void unknownParameterNamesTheField() {
        PlanException e = fails(VALID.replace("params: {value: 3.5}", "params: {value: 3.5, vaule: 2}"));
        assertTrue(e.getMessage().contains("audits[0].params.vaule"), e.getMessage());
        assertTrue(e.getMessage().contains("expected one of [detail, fail, level, samples, text, value]"), e.getMessage());
    }

    @Test
    void unknownAuditKeyModelOptionAndMetric() {
        assertTrue(fails(VALID.replace("    data: d\n", "    data: d\n    dat: x\n")).getMessage().contains("unknown key 'dat'"));
        assertTrue(fails(VALID.replace("size: 3", "sise: 3")).getMessage().contains("models[0].sise"));
        PlanException e = fails(VALID.replace("metric: echo\n    model", "metric: ekho\n    model"));
        assertTrue(e.getMessage().contains("unknown metric 'ekho'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 12"), e.getMessage());
    }

    @Test
    void wrongTypesAndMissingKeys() {
        assertTrue(fails(VALID.replace("{max: 40}", "{max: forty}")).getMessage().contains("number expected, found 'forty'"));
        assertTrue(fails(VALID.replace("seed: 7", "seed: 7.5")).getMessage().contains("an integer expected"));
        assertTrue(fails(VALID.replace("name: t\n", "")).getMessage().contains("required key 'name' is missing"));
        assertTrue(fails(VALID.replace("{max: 40}", "{max: 40, min: 1}")).getMessage().contains("exactly one of max, min or baseline"));
        assertTrue(fails(VALID.replace("on: detail", "on: speed")).getMessage().contains("cannot be gated on 'speed'"));
        assertTrue(fails(VALID.replace("type: fake", "type: gpt9")).getMessage().contains("unknown model type 'gpt9'"));
    }

    @Test
    void danglingReferencesAndDuplicates() {
        assertTrue(fails(VALID.replace("model: m\n", "model: nope\n")).getMessage().contains("no model with id 'nope'"));
        assertTrue(fails(VALID.replace("data: d\n", "data: dd\n")).getMessage().contains("no dataset with id 'dd'"));
        assertTrue(fails(VALID.replace("id: b", "id: a")).getMessage().contains("duplicate audit id 'a'"));
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        PlanException e = fails("name: t\naudits: [\n  - {id: a\n");
        assertTrue(e.getMessage().startsWith("plan.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*line \\d+.*"), e.getMessage());
    }

    @Test
    void missingPlanFileIsInputError(@TempDir Path dir) {
        InputException e = assertThrows(InputException.class, () -> parser.parse(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().contains("nope.yaml") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void paramTypeErrorsNameTheField() throws Exception {
        Plan p = parser.parse("plan.yaml", null, VALID.replace("{value: 3.5}", "{value: high}"));
        PlanException e = assertThrows(PlanException.class, () -> p.audits().get(0).spec().params().doubleParam("value", 0));
        assertTrue(e.getMessage().contains("audits[0].params.value") && e.getMessage().contains("number expected"), e.getMessage());
    }

    @Test
    void percentagesForBaselineMargin(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("p.yaml");
        Files.writeString(plan, VALID.replace("{max: 40}", "{baseline: base.json, maxWorsening: 5%}"));
        GateSpec g = parser.parse(plan).audits().get(0).gate();
        assertEquals("non-inferior", g.op());
        assertEquals(0.05, g.threshold(), 1e-12);
    }
}
