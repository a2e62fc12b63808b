package io.genaudit.metrics.contract;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ParamSchema}: reading a parameter record, binding plan YAML values (Integer, Double, Boolean, String as
 * SnakeYAML gives them) and command-line text the same way, defaults, ranges, enum choices, the run seed, and
 * {@link ParamException}s that name the parameter.
 */
class ParamSchemaTest {

    enum Mode { FAST_PATH, EXACT }

    record Sample(
            @Param(help = "Resamples.", dflt = "200", min = 0) int bootstrap,
            @Param(help = "Level.", dflt = "0.95", min = 0.5, max = 0.999, label = "P") double level,
            @Param(help = "Cap.", dflt = "10", max = 100) long maxItems,
            @Param(help = "Flag.", dflt = "false") boolean fidInfinity,
            @Param(help = "Mode.", dflt = "exact") Mode mode,
            @Param(help = "Name.", dflt = "all") String subsetName,
            @Param(help = "Optional offset.", min = 0) Double offset,
            @Param(help = "Seed.", dflt = "0", runSeed = true) long seed) {
        Sample {
            if (bootstrap > 0 && bootstrap < 10) throw new ParamException("bootstrap", "0 or at least 10 expected, got " + bootstrap);
        }
    }

    record Unannotated(@Param(help = "x", dflt = "1") int a, int b) {
    }

    record PrimitiveWithoutDefault(@Param(help = "x") int a) {
    }

    private static final ParamSchema<Sample> SCHEMA = ParamSchema.of(Sample.class);

    private static Sample bind(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return SCHEMA.bind(m, null);
    }

    private static ParamException rejected(Object... keyValues) {
        return assertThrows(ParamException.class, () -> bind(keyValues));
    }

    @Test
    void readsEveryComponentInOrder() {
        assertEquals(List.of("bootstrap", "level", "maxItems", "fidInfinity", "mode", "subsetName", "offset", "seed"), SCHEMA.names());
        ParamSchema.Entry level = SCHEMA.entry("level");
        assertEquals("0.95", level.dflt());
        assertEquals(0.5, level.min());
        assertEquals("P", level.paramLabel());
        assertEquals(List.of("fast-path", "exact"), SCHEMA.entry("mode").choices());
        assertEquals("fast-path|exact", SCHEMA.entry("mode").paramLabel());
        assertEquals("N", SCHEMA.entry("maxItems").paramLabel());
        assertEquals("X", SCHEMA.entry("offset").paramLabel());
        assertEquals("VALUE", SCHEMA.entry("subsetName").paramLabel());
        assertEquals("--fid-infinity", SCHEMA.entry("fidInfinity").option());
        assertEquals("fid_infinity", SCHEMA.entry("fidInfinity").key());
        assertTrue(SCHEMA.entry("fidInfinity").flag());
        assertFalse(SCHEMA.entry("offset").hasDefault());
        assertTrue(SCHEMA.entry("seed").runSeed());
        assertNull(SCHEMA.entry("nope"));
    }

    @Test
    void defaultsBind() {
        assertEquals(new Sample(200, 0.95, 10, false, Mode.EXACT, "all", null, 0), SCHEMA.defaults());
    }

    @Test
    void planYamlTypesBind() {
        // SnakeYAML: whole numbers as Integer (Long when large), decimals as Double, true/false as Boolean
        Sample s = bind("bootstrap", 50, "level", 0.9, "maxItems", 7, "fidInfinity", true, "mode", "fast-path",
                "subsetName", 12, "offset", 0, "seed", 5_000_000_000L);
        assertEquals(new Sample(50, 0.9, 7, true, Mode.FAST_PATH, "12", 0.0, 5_000_000_000L), s);
        assertEquals(1000, bind("bootstrap", 1000.0).bootstrap(), "a whole double is an integer");
        assertEquals(Mode.FAST_PATH, bind("mode", "FAST-PATH").mode(), "enum choices ignore case");
    }

    @Test
    void commandLineTextBinds() {
        Sample s = bind("bootstrap", "300", "level", "0.99", "maxItems", " 8 ", "fidInfinity", "TRUE", "mode", "exact",
                "subsetName", "odd", "offset", "1e-6", "seed", "-3");
        assertEquals(new Sample(300, 0.99, 8, true, Mode.EXACT, "odd", 1e-6, -3), s);
    }

    @Test
    void unknownKeysAreIgnored() {
        assertEquals(SCHEMA.defaults(), bind("real", "shapes-real", "samples", 100));
    }

    @Test
    void runSeedFillsOnlyAMissingSeed() {
        assertEquals(42, SCHEMA.bind(Map.of(), 42L).seed());
        assertEquals(7, SCHEMA.bind(Map.of("seed", 7), 42L).seed(), "an explicit seed wins");
        assertEquals(0, SCHEMA.bind(Map.of(), null).seed(), "no run seed: the declared default");
        assertEquals(200, SCHEMA.bind(Map.of(), 42L).bootstrap(), "only runSeed parameters take the run seed");
    }

    @Test
    void badValuesNameTheParameter() {
        ParamException e = rejected("bootstrap", 2.5);
        assertEquals("bootstrap", e.parameter());
        assertEquals("an integer expected, got '2.5'", e.getMessage());
        assertEquals("an integer expected, got 'many'", rejected("bootstrap", "many").getMessage());
        assertEquals("level", rejected("level", "high").parameter());
        assertEquals("a number expected, got 'high'", rejected("level", "high").getMessage());
        assertEquals("a finite number expected, got 'NaN'", rejected("level", "NaN").getMessage());
        assertEquals("fidInfinity", rejected("fidInfinity", "yes").parameter());
        assertEquals("true or false expected, got 'yes'", rejected("fidInfinity", "yes").getMessage());
        ParamException mode = rejected("mode", "slow");
        assertEquals("mode", mode.parameter());
        assertEquals("one of [fast-path, exact] expected, got 'slow'", mode.getMessage());
        assertEquals("subsetName", rejected("subsetName", List.of("a")).parameter());
        assertTrue(rejected("bootstrap", 3_000_000_000L).getMessage().startsWith("an integer between"));
    }

    @Test
    void rangesAreChecked() {
        assertEquals("at least 0 expected, got -1", rejected("bootstrap", -1).getMessage());
        assertEquals("between 0.5 and 0.999 expected, got 1", rejected("level", 1).getMessage());
        assertEquals("between 0.5 and 0.999 expected, got 0.4", rejected("level", "0.4").getMessage());
        assertEquals("at most 100 expected, got 101", rejected("maxItems", 101).getMessage());
        assertEquals("offset", rejected("offset", -1e-6).parameter());
        assertEquals(0.999, bind("level", 0.999).level(), "bounds are inclusive");
    }

    @Test
    void crossFieldChecksInTheRecordArePassedOn() {
        ParamException e = rejected("bootstrap", 5);
        assertEquals("bootstrap", e.parameter());
        assertEquals("0 or at least 10 expected, got 5", e.getMessage());
    }

    @Test
    void valuesUseOutputKeysAndEnumText() {
        Map<String, Object> v = SCHEMA.values(bind("mode", "fast-path"));
        assertEquals(List.of("bootstrap", "level", "max_items", "fid_infinity", "mode", "subset_name", "seed"), List.copyOf(v.keySet()));
        assertEquals("fast-path", v.get("mode"));
        assertFalse(v.containsKey("offset"), "null optional parameters are left out");
        assertEquals(1e-6, SCHEMA.values(bind("offset", 1e-6)).get("offset"));
    }

    @Test
    void recordsWithoutParamOrDefaultsAreRejected() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> ParamSchema.of(Unannotated.class));
        assertTrue(missing.getMessage().endsWith("Unannotated.b lacks @Param"), missing.getMessage());
        IllegalStateException primitive = assertThrows(IllegalStateException.class, () -> ParamSchema.of(PrimitiveWithoutDefault.class));
        assertTrue(primitive.getMessage().endsWith("PrimitiveWithoutDefault.a is primitive and needs a default"), primitive.getMessage());
    }

    @Test
    void caseConversions() {
        assertEquals("fid-infinity", ParamSchema.kebab("fidInfinity"));
        assertEquals("subset_size", ParamSchema.snake("subsetSize"));
        assertEquals("n_real2_d", ParamSchema.snake("nReal2D"));
        assertEquals("fast-path", ParamSchema.enumText(Mode.FAST_PATH));
    }
}
