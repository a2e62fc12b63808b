import io.genaudit.reports.pdf.PdfReportRenderer;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cost of report.pdf: renders a report.html (default: a demo run's) to PDF several times in one JVM and prints wall
 * and thread CPU seconds per render, the first one cold (class loading, JIT), against the demo run's wall time given
 * as the reference. Usage: PdfRenderBench REPORT_HTML [repetitions=3] [reference-run-seconds]
 */
public class PdfRenderBench {
    public static void main(String[] args) throws Exception {
        String html = Files.readString(Path.of(args[0]));
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double runSeconds = args.length > 2 ? Double.parseDouble(args[2]) : Double.NaN;
        var mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            long c = mx.getCurrentThreadCpuTime();
            byte[] pdf = PdfReportRenderer.render(html, "genaudit run bench · run.json SHA-256 " + "0".repeat(64));
            double wall = (System.nanoTime() - t) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - c) / 1e9;
            System.out.printf("render %d%s: wall %.2f s, thread cpu %.2f s, %,d bytes%s%n", i + 1, i == 0 ? " (cold)" : "", wall, cpu,
                    pdf.length, Double.isNaN(runSeconds) ? "" : String.format(", cpu / run wall = %.2f%%", 100 * cpu / runSeconds));
        }
    }
}
