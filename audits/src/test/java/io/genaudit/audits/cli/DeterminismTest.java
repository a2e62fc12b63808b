package io.genaudit.audits.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Same plan, same seed, separate caches (so the model is trained twice): the same numbers, on CPU. */
@Tag("integration")
class DeterminismTest {
    @TempDir
    Path dir;

    @Test
    void samePlanAndSeedGiveTheSameNumbers() throws Exception {
        Path plan = dir.resolve("determinism.yaml");
        try (var in = getClass().getResourceAsStream("/plans/determinism.yaml")) {
            Files.write(plan, in.readAllBytes());
        }
        ObjectMapper m = new ObjectMapper();
        JsonNode[] audits = new JsonNode[2];
        for (int i = 0; i < 2; i++) {
            Path out = dir.resolve("out" + i);
            assertEquals(0, Main.commandLine().execute("audit", plan.toString(), "--out", out.toString(),
                    "--cache", dir.resolve("cache" + i).toString()));
            JsonNode rec = m.readTree(out.resolve("run.json").toFile());
            audits[i] = rec.get("audits");
        }
        assertEquals(audits[0].size(), audits[1].size());
        for (int k = 0; k < audits[0].size(); k++) {
            assertEquals(audits[0].get(k).get("value"), audits[1].get(k).get("value"), "audit " + k);
            assertEquals(audits[0].get(k).get("ci"), audits[1].get(k).get("ci"), "audit " + k);
            assertEquals(audits[0].get(k).get("details"), audits[1].get(k).get("details"), "audit " + k);
        }
        JsonNode r0 = m.readTree(dir.resolve("out0/run.json").toFile());
        JsonNode r1 = m.readTree(dir.resolve("out1/run.json").toFile());
        assertEquals(r0.get("models").get(0).get("sha256"), r1.get("models").get(0).get("sha256"), "identical trained weights");
    }
}
