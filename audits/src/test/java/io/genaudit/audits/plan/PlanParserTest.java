package io.genaudit.audits.plan;

import io.genaudit.audits.PlanException;
import io.genaudit.audits.registry.Registry;
import io.genaudit.engine.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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

    @Test
    void parsesAValidPlan() {
        Plan p = PlanTexts.parse(VALID);
        assertEquals("t", p.name());
        assertEquals(7, p.seed());
        assertEquals(2, p.audits().size());
        assertEquals(new GateSpec("max", 40, "value", null, null), p.audits().get(0).gate());
        assertEquals(new GateSpec("min", 0.9, "detail", null, null), p.audits().get(1).gate());
        assertEquals(3.5, p.audits().get(0).spec().params().doubleParam("value", 0));
        assertEquals(3, p.models().get(0).params().intParam("size", 0));
        assertEquals(64, p.sha256().length());
    }

    /** VALID with {@code from} replaced by {@code to}, and the fragments its error must contain. */
    private static Arguments edit(String from, String to, String... fragments) {
        return Arguments.of(VALID.replace(from, to), List.of(fragments));
    }

    /** Plans each wrong in one way: unknown keys, names and metrics, wrong types, missing keys, dangling ids, duplicates. */
    static Stream<Arguments> badPlans() {
        return Stream.of(
                Arguments.of(VALID + "colour: blue\n", List.of("plan.yaml", "unknown key 'colour'", "line 20")),
                edit("params: {value: 3.5}", "params: {value: 3.5, vaule: 2}", "audits[0].params.vaule",
                        "expected one of [detail, fail, level, samples, text, value]"),
                edit("    data: d\n", "    data: d\n    dat: x\n", "unknown key 'dat'"),
                edit("size: 3", "sise: 3", "models[0].sise"),
                edit("metric: echo\n    model", "metric: ekho\n    model", "unknown metric 'ekho'", "line 12"),
                edit("{max: 40}", "{max: forty}", "number expected, found 'forty'"),
                edit("seed: 7", "seed: 7.5", "an integer expected"),
                edit("name: t\n", "", "required key 'name' is missing"),
                edit("{max: 40}", "{max: 40, min: 1}", "exactly one of max, min or baseline"),
                edit("on: detail", "on: speed", "cannot be gated on 'speed'"),
                edit("type: fake", "type: gpt9", "unknown model type 'gpt9'"),
                edit("model: m\n", "model: nope\n", "no model with id 'nope'"),
                edit("data: d\n", "data: dd\n", "no dataset with id 'dd'"),
                edit("id: b", "id: a", "duplicate audit id 'a'"));
    }

    @ParameterizedTest
    @MethodSource("badPlans")
    void aWrongPlanIsAnErrorSayingWhatAndWhere(String text, List<String> fragments) {
        PlanException e = PlanTexts.fails(text);
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + f + "' in: " + e.getMessage());
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        PlanException e = PlanTexts.fails("name: t\naudits: [\n  - {id: a\n");
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
        Plan p = PlanTexts.parse(VALID.replace("{value: 3.5}", "{value: high}"));
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
