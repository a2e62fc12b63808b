package io.genaudit.reports.pdf;

import io.genaudit.reports.format.BundledText;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders the HTML report (the same Thymeleaf output as report.html) to PDF with openhtmltopdf: A4 pages, inline SVG
 * charts drawn by Batik, and a footer on every page with the run id, the SHA-256 of run.json and "page N of M".
 * The HTML is parsed with jsoup (HTML5 rules) into a W3C DOM, so the template need not be well-formed XML.
 */
public final class PdfReportRenderer {
    private static final String CSS = BundledText.read("io/genaudit/reports/templates/report-pdf.css");
    /** Fonts with wide Unicode coverage (−, ≤, ×, ‖ appear in reports); used when installed, else PDF base fonts. */
    private static final List<String[]> FONTS = List.of(
            new String[]{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVu Sans", "400", "normal"},
            new String[]{"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "DejaVu Sans", "700", "normal"},
            new String[]{"/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "DejaVu Sans Mono", "400", "normal"});

    static {
        XRLog.setLoggingEnabled(false);
    }

    private PdfReportRenderer() {
    }

    /**
     * The PDF bytes of {@code html}.
     *
     * @param footer the text at the foot of every page (run id and run.json digest)
     */
    public static byte[] render(String html, String footer) {
        Document doc = Jsoup.parse(html);
        doc.head().appendElement("style").appendText(CSS);
        Element foot = doc.body().prependElement("div").attr("id", "pdf-footer");
        foot.text(footer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.withW3cDocument(new W3CDom().fromJsoup(doc), "file:///");
            b.useSVGDrawer(new BatikSVGDrawer());
            for (String[] f : FONTS) {
                File file = new File(f[0]);
                if (file.isFile()) {
                    b.useFont(file, f[1], Integer.parseInt(f[2]), PdfRendererBuilder.FontStyle.NORMAL, true);
                }
            }
            b.toStream(out);
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
        return out.toByteArray();
    }
}
