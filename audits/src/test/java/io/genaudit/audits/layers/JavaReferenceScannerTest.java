package io.genaudit.audits.layers;

import io.genaudit.audits.layers.JavaReferenceScanner.Reference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scanner behind {@link LayeringTest}: it must see real references and only those. */
class JavaReferenceScannerTest {

    private static final String ENGINE_CLASS = """
            // a class in the engine that reaches into the metrics (a violation)
            package io.genaudit.engine.lm;

            import io.genaudit.engine.Model;
            import io.genaudit.metrics.perplexity.PerplexityEvaluation;
            import static io.genaudit.reports.format.Numbers.*;

            /** Mentions io.genaudit.audits.Plan in Javadoc only. */
            class Sampler {
                String s = "io.genaudit.audits.Plan";
                char c = '"';
                Object o = new io.genaudit.audits.run.AuditRunner();
            }
            """;

    @Test
    void findsImportsStaticImportsAndQualifiedNamesWithTheirLines() {
        assertEquals(List.of(
                new Reference(4, "engine", "io.genaudit.engine.Model"),
                new Reference(5, "metrics", "io.genaudit.metrics.perplexity.PerplexityEvaluation"),
                new Reference(6, "reports", "io.genaudit.reports.format.Numbers.*"),
                new Reference(12, "audits", "io.genaudit.audits.run.AuditRunner")),
                JavaReferenceScanner.references(ENGINE_CLASS));
    }

    @Test
    void theEngineRuleRejectsTheSyntheticClassAndAllowsItsOwnPackage() {
        LayerRule engine = LayeringTest.RULES.stream().filter(r -> r.module().equals("engine")).findFirst().orElseThrow();
        List<String> forbidden = JavaReferenceScanner.references(ENGINE_CLASS).stream()
                .filter(r -> engine.forbids(r.layer())).map(Reference::name).toList();
        assertEquals(List.of("io.genaudit.metrics.perplexity.PerplexityEvaluation", "io.genaudit.reports.format.Numbers.*",
                "io.genaudit.audits.run.AuditRunner"), forbidden);
    }

    @Test
    void valuesMayReferToNothingButItself() {
        LayerRule values = LayerRule.selfContained("values");
        assertFalse(values.forbids("values"));
        for (String other : List.of("datasets", "engine", "metrics", "reports", "audits")) {
            assertTrue(values.forbids(other), other);
        }
    }

    @Test
    void onlyTheDatasetsEntryPointAndItsMembersMayBeNamedByProductionCode() {
        assertFalse(LayeringTest.bypassesDatasetsEntryPoint("io.genaudit.datasets.BuiltInDatasets"));
        assertFalse(LayeringTest.bypassesDatasetsEntryPoint("io.genaudit.datasets.BuiltInDatasets.PlantedWords"));
        assertFalse(LayeringTest.bypassesDatasetsEntryPoint("io.genaudit.engine.image.ShapesClasses"));
        assertTrue(LayeringTest.bypassesDatasetsEntryPoint("io.genaudit.datasets.shapes.ShapesSpec"));
        assertTrue(LayeringTest.bypassesDatasetsEntryPoint("io.genaudit.datasets.BuiltInDataset"));
        assertTrue(LayeringTest.bypassesDatasetsEntryPoint("io.genaudit.datasets.BuiltInDatasetsHelper"));
        assertTrue(LayeringTest.bypassesDatasetsEntryPoint("io.genaudit.datasets.text.*"));
    }

    @Test
    void commentsAndLiteralsHideNothingThatFollowsThem() {
        String source = """
                package io.genaudit.values;
                /* io.genaudit.engine.A */ import io.genaudit.engine.B; // io.genaudit.engine.C
                class X { String t = \"""
                    io.genaudit.metrics.D
                    \"""; String e = "\\"io.genaudit.metrics.E"; io.genaudit.reports.F f; }
                """;
        assertEquals(List.of(new Reference(2, "engine", "io.genaudit.engine.B"), new Reference(5, "reports", "io.genaudit.reports.F")),
                JavaReferenceScanner.references(source));
    }
}
