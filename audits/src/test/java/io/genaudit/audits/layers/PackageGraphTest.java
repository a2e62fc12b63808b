package io.genaudit.audits.layers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cycle finder behind {@link LayeringTest}: it must find planted cycles, and only those. */
class PackageGraphTest {
    /** A graph of the given Java files, as file name and source text pairs, added in order. */
    private static PackageGraph graph(String... nameThenSource) {
        PackageGraph g = new PackageGraph();
        for (int i = 0; i < nameThenSource.length; i += 2) g.add(nameThenSource[i], nameThenSource[i + 1]);
        return g;
    }

    @Test
    void findsATwoPackageCycleAndNamesTheImportsBehindIt() {
        PackageGraph g = graph(
                "Spec.java", "package io.genaudit.audits;\nimport io.genaudit.audits.plan.PlanException;\nclass Spec {}",
                "Parser.java", "package io.genaudit.audits.plan;\nimport io.genaudit.audits.Spec;\nclass Parser {}",
                "Runner.java", "package io.genaudit.audits.run;\nimport io.genaudit.audits.plan.Parser;\nclass Runner {}");
        assertEquals(List.of(List.of("io.genaudit.audits", "io.genaudit.audits.plan")), g.cycles());
        assertEquals(List.of("io.genaudit.audits -> io.genaudit.audits.plan: [Spec.java -> io.genaudit.audits.plan.PlanException]",
                        "io.genaudit.audits.plan -> io.genaudit.audits: [Parser.java -> io.genaudit.audits.Spec]"),
                g.explain(g.cycles().get(0)));
    }

    @Test
    void findsALongCycleThroughWildcardsStaticImportsAndQualifiedNames() {
        PackageGraph g = graph(
                "A.java", "package p.a;\nimport io.genaudit.x.b.*;\nclass A {}",
                "B.java", "package io.genaudit.x.b;\nimport static io.genaudit.x.c.C.f;\nclass B {}",
                "C.java", "package io.genaudit.x.c;\nclass C { Object o = new io.genaudit.x.d.D(); }",
                "D.java", "package io.genaudit.x.d;\nimport io.genaudit.x.b.B;\nclass D {}");
        assertEquals(List.of(List.of("io.genaudit.x.b", "io.genaudit.x.c", "io.genaudit.x.d")), g.cycles());
    }

    @Test
    void aLayeredGraphHasNoCycle() {
        PackageGraph g = graph(
                "A.java", "package io.genaudit.a;\nimport io.genaudit.b.B;\nimport io.genaudit.c.C;\nclass A {}",
                "B.java", "package io.genaudit.b;\nimport io.genaudit.c.C;\n// import io.genaudit.a.A;\nclass B {}",
                "C.java", "package io.genaudit.c;\nclass C { String s = \"io.genaudit.a.A\"; }");
        assertEquals(List.of(), g.cycles());
    }

    @Test
    void thePackageOfANameStopsAtItsFirstType() {
        assertEquals("io.genaudit.audits.plan", PackageGraph.packageOf("io.genaudit.audits.plan.PlanParser.parse"));
        assertEquals("io.genaudit.audits.plan", PackageGraph.packageOf("io.genaudit.audits.plan.*"));
        assertEquals("io.genaudit.audits", PackageGraph.packageOf("io.genaudit.audits.AuditSpec"));
    }
}
