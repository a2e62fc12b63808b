package io.genaudit.audits.layers;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The module layering, enforced over the main and test sources of every layered module (README, "Layers"): engine
 * knows no metric, audit or report; metrics know no audit or report; reports know no engine, metric or audit; values
 * and datasets know nothing of genaudit but themselves. Production code reaches the built-in data sets only through
 * their entry point ({@link #DATASETS_ENTRY_POINT}; tests may use any part of them as test data), and the packages of
 * values, engine, metrics, reports and audits form no cycle; metric names that only test modules register ({@code echo}) appear in no production code.
 * There are no exceptions today; one added later must be listed here with its reason, not
 * hidden by loosening a rule.
 */
class LayeringTest {

    static final List<LayerRule> RULES = List.of(
            LayerRule.forbidding("engine", "metrics", "audits", "reports"),
            LayerRule.forbidding("metrics", "audits", "reports"),
            LayerRule.forbidding("reports", "engine", "metrics", "audits"),
            LayerRule.selfContained("values"),
            LayerRule.selfContained("datasets"));

    /** The one class of the datasets module that production code elsewhere may name (with its nested types). */
    static final String DATASETS_ENTRY_POINT = "io.genaudit.datasets.BuiltInDatasets";

    /** Every module whose production code the entry-point rule covers: all but datasets itself. */
    static final List<String> MODULES_OUTSIDE_DATASETS = List.of("values", "engine", "metrics", "reports", "audits");

    private static final Map<Path, String> SOURCES = new ConcurrentHashMap<>();
    private static final Map<Path, List<JavaReferenceScanner.Reference>> REFERENCES = new ConcurrentHashMap<>();

    /**
     * The modules whose main packages must form no cycle. Not yet datasets (datasets -> datasets.shapes/text -> datasets:
     * the named data sets and their entry point share one package) and spark (changing this session).
     */
    static final List<String> ACYCLIC_MODULES = List.of("values", "engine", "metrics", "reports", "audits");

    @Test
    void everyModuleKeepsToItsLayer() {
        Path root = projectRoot();
        List<String> violations = new ArrayList<>();
        for (LayerRule rule : RULES) {
            List<Path> sources = javaSources(root.resolve(rule.module()));
            assertTrue(sources.size() > 0, "no Java sources found under " + root.resolve(rule.module()));
            for (Path file : sources) {
                for (var ref : references(file)) {
                    if (rule.forbids(ref.layer())) {
                        violations.add(root.relativize(file) + ":" + ref.line() + " refers to " + ref.name());
                    }
                }
            }
        }
        assertEquals(List.of(), violations, "layering violations (README, Layers)");
    }

    @Test
    void productionCodeReachesTheDatasetsOnlyThroughTheirEntryPoint() {
        Path root = projectRoot();
        List<String> violations = new ArrayList<>();
        for (String module : MODULES_OUTSIDE_DATASETS) {
            for (Path file : javaSources(root.resolve(module), "src/main/java")) {
                for (var ref : references(file)) {
                    if (bypassesDatasetsEntryPoint(ref.name())) {
                        violations.add(root.relativize(file) + ":" + ref.line() + " refers to " + ref.name()
                                + " (use " + DATASETS_ENTRY_POINT + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), violations, "production code past the datasets entry point");
    }

    /** Whether {@code name} is in the datasets module but neither its entry point nor a member of it. */
    static boolean bypassesDatasetsEntryPoint(String name) {
        return name.startsWith("io.genaudit.datasets.") && !name.equals(DATASETS_ENTRY_POINT)
                && !name.startsWith(DATASETS_ENTRY_POINT + ".");
    }

    @Test
    void packagesFormNoCycle() {
        Path root = projectRoot();
        List<String> cycles = new ArrayList<>();
        for (String module : ACYCLIC_MODULES) {
            PackageGraph graph = new PackageGraph();
            for (Path file : javaSources(root.resolve(module), "src/main/java")) {
                graph.add(file.getFileName().toString(), read(file), references(file));
            }
            for (List<String> cycle : graph.cycles()) {
                cycles.add(module + ": " + cycle + "\n  " + String.join("\n  ", graph.explain(cycle)));
            }
        }
        assertEquals(List.of(), cycles, "package cycles (move the class that closes the cycle)");
    }

    @Test
    void metricsRegisteredOnlyByTestsAreNotNamedInProductionCode() throws Exception {
        Path root = projectRoot();
        Path services = root.resolve("audits/src/test/resources/META-INF/services/io.genaudit.audits.AuditModule");
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(services)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            Object module = Class.forName(line.strip()).getDeclaredConstructor().newInstance();
            names.add(((io.genaudit.audits.AuditModule) module).metric());
        }
        assertTrue(names.contains("echo"), "the test modules were not read from " + services);
        List<String> violations = new ArrayList<>();
        for (String module : MODULES_OUTSIDE_DATASETS) {
            for (Path file : javaSources(root.resolve(module), "src/main/java")) {
                String source = read(file);
                for (String name : names) {
                    if (source.contains("\"" + name + "\"")) violations.add(root.relativize(file) + " names test metric '" + name + "'");
                }
            }
        }
        assertEquals(List.of(), violations, "test-only names in production code");
    }

    /** The repository root: surefire runs this test in the audits module folder. */
    private static Path projectRoot() {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
        assertTrue(Files.isRegularFile(root.resolve("values/pom.xml")), "not the genaudit root: " + root);
        return root;
    }

    private static List<Path> javaSources(Path module) {
        return javaSources(module, "src/main/java", "src/test/java");
    }

    private static List<Path> javaSources(Path module, String... folders) {
        List<Path> files = new ArrayList<>();
        for (String folder : folders) {
            Path dir = module.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** A source file's genaudit references, scanned once for all the rules. */
    private static List<JavaReferenceScanner.Reference> references(Path file) {
        return REFERENCES.computeIfAbsent(file, f -> JavaReferenceScanner.references(read(f)));
    }

    /** A source file's text, read once for all the rules. */
    private static String read(Path file) {
        return SOURCES.computeIfAbsent(file, f -> {
            try {
                return Files.readString(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
