package io.genaudit.reports;

import io.genaudit.reports.html.HtmlReportRenderer;
import java.nio.file.Path;

/** Writes the sample report ({@link SampleRunRecords#rich()}) to a file, for looking at it in a browser: {@code [path]}. */
public final class SampleReportMain {
    private SampleReportMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/report-sample.html");
        HtmlReportRenderer.write(SampleRunRecords.rich(), out);
        System.out.println("wrote " + out);
    }
}
