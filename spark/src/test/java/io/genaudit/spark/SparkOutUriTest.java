package io.genaudit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genaudit.engine.io.AtomicFolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --out URI} through Hadoop's FileSystem API, without a cloud: scheme {@code gatest} ({@link GatestFileSystem},
 * registered with {@code --conf spark.hadoop.fs.gatest.impl}) is a local folder under another scheme. The outputs
 * arrive complete and equal to a local {@code --out} run's (but for the times), an existing folder is replaced, and a
 * file system that refuses writes or does not exist is exit 2 with the previous folder intact.
 */
@Tag("integration") // starts a local Spark runtime: integration tier
class SparkOutUriTest {
    private static final String FS = "--conf=spark.hadoop.fs.gatest.impl=" + GatestFileSystem.class.getName();
    private static final String FAILING = "--conf=spark.hadoop.fs.gafail.impl=" + GatestFileSystem.RefusingWrites.class.getName();
    private static final String LATE = "--conf=spark.hadoop.fs.galate.impl=" + GatestFileSystem.RefusingLateWrites.class.getName();

    @TempDir
    Path dir;

    @Test
    void outputsGoThroughHadoopFileSystemsAndReplaceThePreviousFolderOnlyWhenComplete() throws Exception {
        FeatureTables.write(dir.resolve("real.parquet"), FeatureTables.gaussian(300, 4, 0, 31));
        FeatureTables.write(dir.resolve("gen.parquet"), FeatureTables.gaussian(250, 4, 0.3, 32));
        Path pass = plan("pass.yaml", 1000);
        Path local = dir.resolve("local");
        assertEquals(0, run(pass, local.toString()));
        Path remote = dir.resolve("remote").resolve("run1");
        String uri = "gatest://" + remote.toAbsolutePath();
        assertEquals(0, run(pass, uri));

        assertEquals(names(local), names(remote).stream().filter(n -> !n.equals(HadoopOutputFolder.SUCCESS)).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        assertTrue(names(local).containsAll(List.of("run.json", "report.html", "report.pdf", "junit.xml", "summary.md", AtomicFolder.MARKER)), names(local).toString());
        assertTrue(names(remote).contains(HadoopOutputFolder.SUCCESS));
        for (String f : List.of("summary.md", "junit.xml", "report.html", AtomicFolder.MARKER)) {
            assertEquals(withoutTimes(local.resolve(f)), withoutTimes(remote.resolve(f)), f);
        }
        assertEquals(withoutTimes(local.resolve("run.json")), withoutTimes(remote.resolve("run.json")));
        assertTrue(new String(Files.readAllBytes(remote.resolve("report.pdf")), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        assertEquals(List.of("run1"), names(remote.getParent()).stream().toList(), "no temporary siblings left");

        assertEquals(1, run(plan("fail.yaml", 0), uri), "a failed gate replaces the folder too");
        assertEquals("FAIL", verdict(remote));
        assertTrue(Files.exists(remote.resolve(HadoopOutputFolder.SUCCESS)));
        assertEquals(List.of("run1"), names(remote.getParent()).stream().toList(), "the previous folder deleted once replaced");

        String early = UserErrors.of(() -> run(pass, "gafail://" + remote.toAbsolutePath(), FAILING));
        assertTrue(early.contains("gafail://" + remote.toAbsolutePath() + ": cannot write there (Permission denied"), early);
        assertTrue(early.contains("before any audit ran); nothing was written"), early);
        assertFalse(early.contains(" = "), "the write probe fails before any audit runs (no audit result line): " + early);
        assertEquals(List.of("run1"), names(remote.getParent()).stream().toList(), "no probe file left");

        String refused = UserErrors.of(() -> run(pass, "galate://" + remote.toAbsolutePath(), LATE));
        assertTrue(refused.contains("galate://" + remote.toAbsolutePath() + ": cannot write the outputs there (Permission denied"), refused);
        assertTrue(refused.contains("the previous folder is untouched"), refused);
        Path kept = Path.of(refused.substring(refused.indexOf("the outputs are kept in ") + "the outputs are kept in ".length()).lines()
                .findFirst().orElseThrow().strip());
        assertEquals(names(local), names(kept), "the rendered outputs stay on the driver");
        AtomicFolder.deleteTree(kept.getParent());
        assertEquals("FAIL", verdict(remote), "the previous outputs stay");
        assertTrue(Files.exists(remote.resolve(HadoopOutputFolder.SUCCESS)));
        assertEquals(List.of("run1"), names(remote.getParent()).stream().toList(), "the half-copied folder removed");

        String missing = UserErrors.of(() -> run(pass, "nosuchfs:///runs/x"));
        assertTrue(missing.contains("nosuchfs:///runs/x: cannot open its file system (No FileSystem for scheme"), missing);

        Path plans = Files.createDirectories(dir.resolve("plans"));
        Files.writeString(plans.resolve("remote.yaml"), Files.readString(pass).replace("path: real.parquet", "path: ../real.parquet")
                .replace("path: gen.parquet", "path: " + dir.resolve("gen.parquet").toUri()));
        LocalSpark.session().sparkContext().hadoopConfiguration().set("fs.gatest.impl", GatestFileSystem.class.getName()); // as spark-submit sets it
        Path fromRemotePlan = dir.resolve("from-remote-plan");
        assertEquals(0, run("gatest://" + plans.resolve("remote.yaml").toAbsolutePath(), fromRemotePlan.toString()));
        JsonNode provenance = new ObjectMapper().readTree(fromRemotePlan.resolve("run.json").toFile()).get("provenance");
        assertEquals("gatest://" + plans.resolve("remote.yaml").toAbsolutePath(), provenance.get("planPath").asText());
        assertEquals("gatest://" + plans.toAbsolutePath() + "/../real.parquet", provenance.get("files").get(0).get("path").asText(),
                "a relative dataset path resolves against the plan's URI folder");
        assertEquals(fid(local), fid(fromRemotePlan), 1e-12 * fid(local), "the same tables read through the plan's URI folder");

        Path foreign = dir.resolve("someone");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        String notOurs = UserErrors.of(() -> run(pass, "gatest://" + foreign.toAbsolutePath()));
        assertTrue(notOurs.contains("holds files genaudit did not write (notes.txt)"), notOurs);
        assertEquals(Set.of("notes.txt"), names(foreign));
    }

    private Path plan(String name, double maxFid) throws Exception {
        return FeatureTables.fidPlan(dir, name, "gen.parquet", 0, "gate: {max: " + maxFid + "}");
    }

    private static int run(Path plan, String out, String... more) {
        return run(plan.toString(), out, more);
    }

    private static int run(String plan, String out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("audit", plan, "--out", out, "--master", "local[2]",
                "--partitions", "2", FS));
        args.addAll(List.of(more));
        return SparkAuditMain.run(args.toArray(new String[0]));
    }

    private static Set<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static double fid(Path folder) throws Exception {
        return new ObjectMapper().readTree(folder.resolve("run.json").toFile()).get("audits").get(0).get("value").asDouble();
    }

    private static String verdict(Path folder) throws Exception {
        return new ObjectMapper().readTree(folder.resolve("run.json").toFile()).get("verdict").asText();
    }

    /** A text output with the run's start time and durations masked (they differ between any two runs). */
    private static String withoutTimes(Path f) throws Exception {
        String s = Files.readString(f);
        if (f.getFileName().toString().equals("run.json")) {
            ObjectNode run = (ObjectNode) new ObjectMapper().readTree(s);
            ((ObjectNode) run.get("provenance")).remove(List.of("startedAt", "wallSeconds"));
            return run.toPrettyString();
        }
        return s.replaceAll("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?Z?( UTC)?", "<time>")
                .replaceAll("time=\"[0-9.]+\"", "time=\"<s>\"")
                .replaceAll("[0-9.]+ s\\b", "<s> s");
    }
}
