package io.genaudit.audits.coverage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calibration guard: the cheapest coverage cases of {@link CoverageSuite#guard()} (Wilson shares, DeLong AUC,
 * perplexity document bootstrap, bias mean gap, finite-N FID), a few hundred seeded repetitions each. A case fails
 * when its miss rate's own 95 % Wilson interval lies entirely outside the accepted band [3 %, 7.5 %] (a clear
 * miscalibration, not chance), or when an interval leaves the quantity's range. The full table is bench/coverage.
 */
@Tag("integration")
class CoverageGuardTest {

    @Test
    void cheapIntervalMethodsKeepTheirCoverage() {
        StringBuilder report = new StringBuilder(CoverageResult.markdownHeader()).append('\n');
        boolean ok = true;
        for (CoverageSuite.Entry e : CoverageSuite.guard()) {
            CoverageResult r = CoverageRunner.run(e.coverageCase(), e.repetitions(), 20_261_202L);
            report.append(r.markdownRow()).append('\n');
            ok &= !r.clearlyOutOfBand() && r.outOfRange() == 0;
        }
        System.out.println(report);
        assertTrue(ok, "miscalibrated interval method:\n" + report);
    }

    @Test
    void theGuardCanFail() {
        // an interval method that is too narrow (the FID interval judged against the population FID, the wrong
        // estimand) must be flagged by the same rule
        CoverageResult wrong = CoverageRunner.run(FidCoverage.of(FidCoverage.Kind.FINITE_N_VS_POPULATION,
                new GaussianFeatures(4, 0.2, 1.2), 100, 50, 5), 60, 1L);
        assertTrue(wrong.clearlyOutOfBand(), wrong.markdownRow());
        assertEquals(60, wrong.repetitions());
        assertFalse(wrong.inBand());
    }
}
