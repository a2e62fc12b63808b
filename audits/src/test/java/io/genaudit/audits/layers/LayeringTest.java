package io.genaudit.audits.layers;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The module layering, enforced over the main and test sources of every layered module (README, "Layers"): engine
 * knows no metric, audit or report; metrics know no audit or report; reports know no engine, metric or audit; values
 * knows nothing of genaudit but itself. There are no exceptions today; one added later must be listed here with
 * its reason, not hidden by loosening a rule.
 */
class LayeringTest {

    static final List<LayerRule> RULES = List.of(
            LayerRule.forbidding("engine", "metrics", "audits", "reports"),
            LayerRule.forbidding("metrics", "audits", "reports"),
            LayerRule.forbidding("reports", "engine", "metrics", "audits"),
            LayerRule.selfContained("values"));

    @Test
    void everyModuleKeepsToItsLayer() {
        Path root = projectRoot();
        List<String> violations = new ArrayList<>();
        for (LayerRule rule : RULES) {
            List<Path> sources = javaSources(root.resolve(rule.module()));
            assertTrue(sources.size() > 0, "no Java sources found under " + root.resolve(rule.module()));
            for (Path file : sources) {
                for (var ref : JavaReferenceScanner.references(read(file))) {
                    if (rule.forbids(ref.layer())) {
                        violations.add(root.relativize(file) + ":" + ref.line() + " refers to " + ref.name());
                    }
                }
            }
        }
        assertEquals(List.of(), violations, "layering violations (README, Layers)");
    }

    /** The repository root: surefire runs this test in the audits module folder. */
    private static Path projectRoot() {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
        assertTrue(Files.isRegularFile(root.resolve("values/pom.xml")), "not the genaudit root: " + root);
        return root;
    }

    private static List<Path> javaSources(Path module) {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("src/main/java", "src/test/java")) {
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

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
