import io.genaudit.audits.coverage.CoverageResult;
import io.genaudit.audits.coverage.CoverageRunner;
import io.genaudit.audits.coverage.CoverageSuite;

import java.util.Locale;

/**
 * Coverage harness: runs every interval method of {@link CoverageSuite#full} many times on simulated data with a known
 * target and prints a Markdown table of miss rates (nominal 5 %) with their Wilson intervals.
 * usage: java -cp CP bench/coverage/CoverageBench.java [scale=1.0] [filter=comma-separated substrings of case names]
 */
public class CoverageBench {
    public static void main(String[] args) {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        String[] filters = (args.length > 1 ? args[1].toLowerCase(Locale.ROOT) : "").split(",");
        long t0 = System.nanoTime();
        System.out.println(CoverageResult.markdownHeader());
        int defects = 0;
        for (CoverageSuite.Entry e : CoverageSuite.full(scale)) {
            String name = e.coverageCase().name().toLowerCase(Locale.ROOT);
            if (java.util.Arrays.stream(filters).noneMatch(name::contains)) continue;
            CoverageResult r = CoverageRunner.run(e.coverageCase(), e.repetitions(), 1L);
            System.out.println(r.markdownRow());
            if (!r.inBand() && !r.verdict().startsWith("contrast")) defects++;
        }
        System.out.printf(Locale.ROOT, "%n%d case(s) outside the [3%%, 7.5%%] band; total %.0f s%n", defects, (System.nanoTime() - t0) / 1e9);
    }
}
