package io.genaudit.reports;

import io.genaudit.reports.html.HtmlReportRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportRendererTest {
    static String html;
    static Document doc;

    @BeforeAll
    static void render() {
        html = HtmlReportRenderer.render(SampleRunRecords.rich());
        doc = Jsoup.parse(html);
    }

    @Test
    void headerShowsTitlePlanVerdictAndDate() {
        assertEquals("Nightly audit: tiny models", doc.selectFirst("header h1").text());
        Element verdict = doc.getElementById("verdict");
        assertNotNull(verdict);
        assertEquals("FAIL", verdict.text());
        assertTrue(verdict.hasClass("fail"));
        assertTrue(doc.selectFirst("header .meta").text().contains("sample-plan"));
        assertTrue(doc.selectFirst("header .meta").text().contains("2026-11-25 07:00 UTC"));
        assertEquals("2 of 3 gates passed", doc.selectFirst(".verdict-note").text());
    }

    @Test
    void overviewComesFirstWithOneColouredRowPerAudit() {
        Element overview = doc.getElementById("overview");
        assertNotNull(overview);
        assertEquals(overview, doc.select("main > section").first(), "overview is the first section");
        Elements rows = overview.select("table.overview tbody tr");
        assertEquals(5, rows.size());
        Element fid = rows.get(1);
        assertEquals("gan-fid", fid.child(0).text());
        assertEquals("#audit-gan-fid", fid.selectFirst("a").attr("href"));
        assertEquals("48.71", fid.child(3).text());
        assertEquals("95% [45.02, 52.9]", fid.child(4).text());
        assertEquals("2,000", fid.child(5).text());
        assertEquals("value ≤ 40", fid.child(6).text());
        Element pill = fid.selectFirst(".pill");
        assertEquals("FAIL", pill.text());
        assertTrue(pill.hasClass("fail") && fid.hasClass("fail"));
        assertEquals("PASS", rows.get(0).selectFirst(".pill").text());
        assertTrue(rows.get(0).selectFirst(".pill").hasClass("pass"));
        assertEquals("3.412 nats", rows.get(0).child(3).text());
        assertEquals("—", rows.get(3).selectFirst(".pill").text(), "ungated");
        assertEquals("not gated", rows.get(3).child(6).text());
        assertTrue(html.contains(".pill.pass { background: var(--pass-soft); color: var(--pass); }"), "verdicts are coloured");
    }

    @Test
    void everyAuditHasItsSection() {
        Element s = doc.getElementById("audit-lm-perplexity");
        assertNotNull(s);
        assertEquals("3.412", s.selectFirst(".figure-big .num-value").text());
        assertEquals("nats", s.selectFirst(".figure-big .unit").text());
        assertEquals("[3.351, 3.478]", s.selectFirst(".ci-bounds").text());
        assertTrue(s.selectFirst(".figure-big").text().contains("95% CI"));
        assertTrue(s.selectFirst(".figure-big").text().contains("bootstrap over documents, 1000 resamples"));
        assertEquals("The interval covers the corpus perplexity over documents like these.", s.selectFirst(".figure-big .estimand").text());
        assertTrue(s.selectFirst(".figure-big").text().contains("n = 12,800"));
        assertTrue(s.selectFirst(".gate").hasClass("pass"));
        assertTrue(s.selectFirst(".gate .explanation").text().startsWith("perplexity = 3.412 (95% CI"));
        assertEquals(1, s.select(".chart svg").size());
        assertTrue(s.select("table.kv").first().text().contains("contextLength 64"));
        assertTrue(s.select("table.kv").get(1).text().contains("perDocument.min 2.91"), "nested details flattened");
        assertEquals("Character-level perplexity; not comparable with word-level figures.", s.selectFirst(".notes li").text());

        Element fid = doc.getElementById("audit-gan-fid");
        assertTrue(fid.selectFirst(".gate").hasClass("fail"));
        assertEquals(1, fid.select(".fig img").size());
        assertTrue(fid.selectFirst(".fig img").attr("src").startsWith("data:image/png;base64,iVBOR"));

        Element parity = doc.getElementById("audit-bias-parity");
        assertEquals(4, parity.select(".data-table tbody tr").size() + 1, "3 rows + header");
        assertEquals("90% CI [0.79, 0.93]", parity.selectFirst(".figure-big .ci").text());

        Element none = doc.getElementById("audit-gan-diversity");
        assertEquals("—", none.selectFirst(".num-value").text());
        assertTrue(none.selectFirst(".gate").text().startsWith("Not gated"));
    }

    @Test
    void modelsEnergyAndProvenanceSections() {
        Element models = doc.getElementById("models");
        assertEquals(2, models.select(".model").size());
        assertTrue(models.text().contains("9f2c4a1be0d35c7a8e6f41b2d9c0a7e5f3b1d2c4e6f8a0b2c4d6e8f0a1b3c5d7"));
        assertTrue(models.text().contains("optimizer.lr 0.0003"));
        assertEquals(1, models.select("#model-tiny-gpt .chart svg").size(), "loss curve");
        assertEquals(1, models.select("#model-dcgan-digits .fig img").size(), "contact sheet");

        Element energy = doc.getElementById("energy");
        Elements phases = energy.select("table.phases tbody tr");
        assertEquals(4, phases.size());
        assertTrue(phases.get(0).text().contains("train-dcgan"));
        assertTrue(phases.get(0).text().contains("5820 J"));
        assertTrue(phases.get(0).text().contains("[4070 – 7570]"));
        assertTrue(phases.get(0).selectFirst(".pill").hasClass("estimated"));
        assertTrue(phases.get(1).selectFirst(".pill").hasClass("measured"));
        assertTrue(phases.get(0).text().contains("1.62 g"));
        assertEquals("not measured", phases.get(3).selectFirst(".pill").text());
        assertEquals(1, energy.select(".chart svg").size(), "per-phase bar chart");
        assertTrue(energy.text().contains("7253 J"), "total energy");

        Element prov = doc.getElementById("provenance");
        String text = prov.text();
        for (String s : List.of("0.1.0", "plans/sample.yaml", "Seed 42", "Eclipse Adoptium 25+36", "Linux 6.8 amd64",
                "AMD EPYC 7B13 (2 cores)", "PyTorch 2.7.1", "models/tiny-gpt.pt", "2,345,678")) {
            assertTrue(text.contains(s), s);
        }
    }

    @Test
    void untrustedStringsAreEscapedNeverMarkup() {
        assertTrue(doc.select("script").isEmpty(), "no script element anywhere");
        assertTrue(doc.select("[onerror], [onload], [onclick]").isEmpty(), "no event handlers");
        for (Element img : doc.select("img")) assertTrue(img.attr("src").startsWith("data:image/"), img.outerHtml().substring(0, 60));
        assertTrue(doc.getElementById("model-tiny-gpt").selectFirst(".desc").text().endsWith(SampleRunRecords.SCRIPT));
        assertTrue(doc.getElementById("audit-gan-fid").selectFirst(".fig figcaption").text().endsWith(SampleRunRecords.IMG));
        assertTrue(doc.getElementById("audit-bias-parity").select(".data-table td").eachText().contains(SampleRunRecords.IMG));
        assertTrue(doc.getElementById("audit-bias-parity").selectFirst("svg").text().contains("onerror=alert(2)"),
                "category label inside the SVG is text");
        assertFalse(html.contains("<script>alert"));
        assertFalse(html.contains("<img src=x"));
    }

    @Test
    void selfContainedWithoutExternalRequests() {
        for (Element e : doc.select("[src], [href], [xlink:href], [action], [poster], [srcset]")) {
            for (String attr : List.of("src", "href", "xlink:href", "action", "poster", "srcset")) {
                String v = e.attr(attr);
                if (v.isEmpty()) continue;
                assertTrue(v.startsWith("#") || v.startsWith("data:image/"), attr + "=" + v.substring(0, Math.min(60, v.length())));
            }
        }
        assertTrue(doc.select("link, iframe, object, embed, base").isEmpty());
        String css = String.join("\n", doc.select("style").eachAttr("outerHtml")) + doc.select("style").html();
        assertFalse(css.contains("@import"));
        assertFalse(css.contains("url("), "no url() in CSS");
        assertFalse(html.matches("(?s).*(src|href)\\s*=\\s*[\"']?(https?:)?//.*"), "no network URL in any attribute");
        assertTrue(doc.select("svg").size() >= 6, "charts are inline SVG");
    }

    @Test
    void elementIdsAreUniqueSoAnchorsAndSvgReferencesResolve() {
        List<String> ids = doc.select("[id]").eachAttr("id");
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "duplicate ids: " + ids);
        for (Element a : doc.select("a[href^=#]")) {
            assertNotNull(doc.getElementById(a.attr("href").substring(1)), "link target " + a.attr("href"));
        }
    }

    @Test
    void invalidFiguresAreOmittedWithAReason() {
        AuditResult a = new AuditResult("x", "m", "model", null, 1.0, null, null, 1L, null, null, null, null,
                List.of(new Figure("svg", null, "image/svg+xml", "PHN2Zz48L3N2Zz4="),
                        new Figure("not base64", null, "image/png", "\"><script>")), null, null);
        RunRecord r = new RunRecord(RunRecord.SCHEMA_VERSION, "t", "p", "PASS", List.of(), List.of(a), null);
        Document d = Jsoup.parse(HtmlReportRenderer.render(r));
        assertTrue(d.select(".fig img").isEmpty());
        List<String> reasons = d.select(".fig .omitted").eachText();
        assertEquals(2, reasons.size());
        assertTrue(reasons.get(0).contains("image/svg+xml"));
        assertTrue(reasons.get(1).contains("not base64"));
        assertTrue(d.select("script").isEmpty());
    }

    @Test
    void emptyRunStillRenders() {
        RunRecord r = new RunRecord(RunRecord.SCHEMA_VERSION, null, "p", "PASS", null, null, null);
        Document d = Jsoup.parse(HtmlReportRenderer.render(r));
        assertEquals("PASS", d.getElementById("verdict").text());
        assertEquals("no gates set", d.selectFirst(".verdict-note").text());
        assertTrue(d.getElementById("overview").text().contains("The plan ran no audits."));
    }
}
