package io.genaudit.audits.cli;

import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.PlanException;
import io.genaudit.audits.plan.PlanParser;
import io.genaudit.engine.ComputeDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code --device} and the plan's {@code device:}: parsed, checked before any model loads, CPU by default. */
class DeviceOptionTest {
    private static final String PLAN = "name: d\ndevice: %s\nmodels:\n  - id: m\n    type: transformer\n    path: m\naudits:\n  - id: div\n    metric: diversity\n    model: m\n";

    @AfterEach
    void reset() {
        DeviceChoice.reset();
    }

    @Test
    void badDeviceExitsTwo() {
        CliRun r = CliRun.execute(false, "diversity", "--device", "tpu", "--text", "/nonexistent.txt");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("--device: device must be cpu, cuda or cuda:N, got 'tpu'"), r.err());
    }

    @Test
    void cudaWithoutGpuExitsTwoBeforeLoadingAnything() {
        assumeTrue(ComputeDevice.cudaDevices() == 0, "a GPU is present");
        CliRun r = CliRun.execute(false, "perplexity", "--device", "cuda", "--model", "transformer:/nonexistent", "--text", "/nonexistent.txt");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("--device: cuda:0 requested but the PyTorch engine sees 0 CUDA device(s)"), r.err());
        assertFalse(r.err().contains("/nonexistent"), r.err());
        assertEquals("cpu", ComputeDevice.current().toString());
    }

    @Test
    void planDeviceIsParsedAndCheckedAndTheCommandLineWins() {
        Registry registry = Registry.load();
        PlanException bad = assertThrows(PlanException.class, () -> new PlanParser(registry).parse("p.yaml", null, PLAN.formatted("tpu")));
        assertTrue(bad.getMessage().contains("device") && bad.getMessage().contains("cpu, cuda or cuda:N expected, got 'tpu'"), bad.getMessage());
        Plan cpu = new PlanParser(registry).parse("p.yaml", null, PLAN.formatted("cpu"));
        assertEquals("cpu", cpu.device().toString());
        Plan cuda = new PlanParser(registry).parse("p.yaml", null, PLAN.formatted("cuda:0"));
        assertEquals("cuda:0", cuda.device().toString());
        assertNull(new PlanParser(registry).parse("p.yaml", null, PLAN.formatted("cpu").replace("device: cpu\n", "")).device());
        if (ComputeDevice.cudaDevices() == 0) {
            var e = assertThrows(io.genaudit.engine.InputException.class, () -> DeviceChoice.applyPlan(cuda));
            assertTrue(e.getMessage().startsWith("p.yaml: field 'device': cuda:0 requested"), e.getMessage());
        }
        DeviceChoice.commandLine("cpu");
        DeviceChoice.applyPlan(cuda);
        assertEquals("cpu", ComputeDevice.current().toString());
    }
}
