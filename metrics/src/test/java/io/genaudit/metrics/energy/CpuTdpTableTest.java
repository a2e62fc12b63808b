package io.genaudit.metrics.energy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuTdpTableTest {
    private final CpuTdpTable table = CpuTdpTable.bundled();

    @Test
    void matchesCpuinfoModelNames() {
        CpuPower x = table.powerFor("Intel(R) Xeon(R) Gold 6226R CPU @ 2.90GHz", null, 64);
        assertTrue(x.matched());
        assertEquals(150.0, x.tdpWatts());
        assertEquals(32, x.threads());
        assertEquals(150.0 / 32, x.wattsPerThread(), 1e-12);
        assertEquals(CpuPower.MATCHED_LOW, x.lowFactor());
        CpuPower epyc = table.powerFor("AMD EPYC 7543 32-Core Processor", null, 128);
        assertEquals(225.0, epyc.tdpWatts());
        assertEquals(64, epyc.threads());
        assertEquals(85.0, table.powerFor("Intel(R) Xeon(R) CPU E5-2620 v4 @ 2.10GHz", null, 8).tdpWatts());
        assertEquals(16, table.powerFor("Intel(R) Xeon(R) CPU E5-2620 v4 @ 2.10GHz", null, 8).threads());
        assertEquals(12, table.powerFor("Intel(R) Xeon(R) CPU E5-2620 v3 @ 2.40GHz", null, 8).threads());
    }

    @Test
    void aModelIsNotMatchedByAPrefixOfAnother() {
        assertEquals(65.0, table.powerFor("Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz", null, 12).tdpWatts());
        assertEquals(95.0, table.powerFor("Intel(R) Core(TM) i7-8700K CPU @ 3.70GHz", null, 12).tdpWatts());
        assertEquals(350.0, table.powerFor("Intel(R) Xeon(R) Platinum 8480+", null, 224).tdpWatts());
        assertFalse(table.powerFor("Intel(R) Xeon(R) Platinum 8480", null, 224).matched());
    }

    @Test
    void unknownCpusFollowCodeCarbonsLadderWithAWiderRange() {
        // a named but unlisted model (a VM's "AMD EPYC"): 4 W per logical CPU
        CpuPower vm = table.powerFor("AMD EPYC", null, 2);
        assertFalse(vm.matched());
        assertEquals(8.0, vm.tdpWatts());
        assertEquals(4.0, vm.wattsPerThread(), 1e-12);
        assertEquals(CpuPower.UNKNOWN_LOW, vm.lowFactor());
        assertEquals(CpuPower.UNKNOWN_HIGH, vm.highFactor());
        // nothing known: 85 W
        CpuPower none = table.powerFor(null, null, 4);
        assertEquals("unknown", none.model());
        assertEquals(85.0, none.tdpWatts());
        assertEquals(85.0 / 4, none.wattsPerThread(), 1e-12);
    }

    @Test
    void overrideKeepsTheMatchedThreadCount() {
        CpuPower o = table.powerFor("AMD EPYC 7543 32-Core Processor", 200.0, 2);
        assertEquals(200.0, o.tdpWatts());
        assertEquals(64, o.threads());
        assertTrue(o.matched());
        CpuPower u = table.powerFor("AMD EPYC", 90.0, 2);
        assertEquals(45.0, u.wattsPerThread(), 1e-12);
    }
}
