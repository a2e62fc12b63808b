package io.genaudit.reports.pdf;

import io.genaudit.reports.EmissionsCsvRenderer;
import io.genaudit.reports.html.HtmlReportRenderer;
import io.genaudit.reports.output.ReportWriter;
import io.genaudit.reports.RunRecord;
import io.genaudit.reports.RunRecordJson;
import io.genaudit.reports.SampleRunRecords;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.pdf: rendered from the same HTML, every page rasterises, the text layer carries the key values and the footer. */
@Tag("integration")
class PdfReportRendererTest {
    @TempDir
    static Path dir;
    static String text;
    static int pages;
    static String runJsonSha;
    static String runId;
    static PDDocument pdf;

    @BeforeAll
    static void render() throws Exception {
        RunRecord record = SampleRunRecords.rich();
        ReportWriter.writeAll(record, dir);
        runId = EmissionsCsvRenderer.runId(record.provenance()).toString();
        runJsonSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve("run.json"))));
        pdf = Loader.loadPDF(Files.readAllBytes(dir.resolve("report.pdf")));
        pages = pdf.getNumberOfPages();
        text = new PDFTextStripper().getText(pdf);
    }

    @Test
    void textLayerHoldsTheKeyValues() {
        for (String s : new String[]{"lm-perplexity", "3.412", "48.71", "FAIL", "tiny-gpt", "dcgan-digits"}) {
            assertTrue(text.contains(s), s + " missing from the PDF text");
        }
        // hostile strings are text, not markup
        assertTrue(text.contains("<script>alert(1)</script>"), "escaped description");
    }

    @Test
    void everyPageHasTheFooterWithRunIdDigestAndPageNumber() {
        assertTrue(pages >= 2, "pages: " + pages);
        // the footer may wrap between label and digest; the id and the digest are each on every page
        assertEquals(pages, count(text, "run.json SHA-256"), "footer on every page");
        assertEquals(pages, count(text, runJsonSha), "digest on every page");
        assertEquals(pages, count(text, "genaudit run " + runId), "run id on every page");
        for (int p = 1; p <= pages; p++) assertTrue(text.contains("page " + p + " of " + pages), "page number " + p);
    }

    @Test
    void pagesRasteriseAndChartsAreDrawn() throws IOException {
        PDFRenderer r = new PDFRenderer(pdf);
        long inked = 0;
        for (int p = 0; p < pages; p++) {
            BufferedImage img = r.renderImageWithDPI(p, 36);
            assertTrue(img.getWidth() > 200 && img.getHeight() > 300);
            inked += colouredPixels(img);
        }
        // the SVG charts are drawn in the palette's colours; text alone is grey/black
        assertTrue(inked > 500, "coloured pixels: " + inked);
    }

    @Test
    void theFooterDigestIsTheRunJsonThatWasWritten() throws IOException {
        RunRecord back = RunRecordJson.read(dir.resolve("run.json"));
        assertTrue(HtmlReportRenderer.render(back).length() > 0);
        assertTrue(text.contains(runJsonSha));
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) n++;
        return n;
    }

    private static long colouredPixels(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) n++;
            }
        }
        return n;
    }
}
