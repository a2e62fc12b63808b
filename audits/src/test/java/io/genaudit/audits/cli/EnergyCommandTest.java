package io.genaudit.audits.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code genaudit energy -- COMMAND}: exit code passed through, CPU time of the child tree, JSON output. */
class EnergyCommandTest extends CommandLineTest {
    EnergyCommandTest() {
        super(true);
    }

    @Test
    void measuresABusyChildTreeAndExitsWithItsCode() throws Exception {
        Path out = dir.resolve("energy.json");
        // a grandchild burns CPU and is waited for by the child shell, which then exits with 3
        int code = run("energy", "--region", "DE", "--pue", "1.2", "--json", out.toString(), "--",
                "/bin/sh", "-c", "/bin/sh -c 'i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done'; exit 3");
        assertEquals(3, code);
        JsonNode j = json(out);
        assertEquals(3, j.get("exitCode").asInt());
        double cpu = j.get("cpuSeconds").asDouble();
        assertTrue(cpu > 0.05, "child-tree CPU time " + cpu);
        assertTrue(cpu <= j.get("wallSeconds").asDouble() * Runtime.getRuntime().availableProcessors() + 0.05);
        assertEquals(381.0, j.get("assumptions").get("gramsPerKwh").asDouble());
        assertEquals(1.2, j.get("assumptions").get("pue").asDouble());
        double joules = j.get("joules").asDouble();
        assertTrue(joules > 0);
        assertEquals(joules / 3.6e6 * 1.2 * 381, j.get("gramsCo2e").asDouble(), 1e-12);
        if (j.get("method").asText().equals("estimated-tdp")) {
            assertTrue(j.get("cpuTimeSource").asText().contains("cutime"), j.get("cpuTimeSource").asText());
        }
        assertTrue(err.contains("exited with 3"), err);
        assertTrue(err.contains("g CO2e"), err);
    }

    @Test
    void badRegionAndMissingCommandAreInputErrors() {
        assertEquals(ExitCodes.BAD_INPUT, run("energy", "--region", "XX", "--", "true"));
        assertTrue(err.contains("--region"), err);
        assertEquals(ExitCodes.BAD_INPUT, run("energy", "--", "/nonexistent/program-xyz"));
        assertTrue(err.contains("cannot run the command"), err);
        assertEquals(ExitCodes.BAD_INPUT, run("energy", "--region", "DE"));
    }
}
