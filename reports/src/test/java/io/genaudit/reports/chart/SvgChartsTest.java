package io.genaudit.reports.chart;

import io.genaudit.reports.Chart;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgChartsTest {
    static final String EVIL = "<script>alert(1)</script>\"'&";

    static Chart line() {
        return new Chart(Chart.Type.LINE, "Loss", "step", "loss", null, List.of(
                Chart.Series.of("train", new double[]{1, 2, 3, 4}, new double[]{3, 2, 1.5, 1.2}),
                Chart.Series.of("val", new double[]{1, 2, 3, 4}, new double[]{3.1, 2.3, 1.9, 1.8})));
    }

    static Chart bar(boolean errorBars) {
        double[] y = {0.6, 0.5, 0.4};
        return new Chart(Chart.Type.BAR, "Rates", "group", "rate", List.of("a", "b", "c"), List.of(
                new Chart.Series("rate", null, y, errorBars ? new double[]{0.55, 0.45, 0.3} : null,
                        errorBars ? new double[]{0.65, 0.55, 0.5} : null)));
    }

    static Chart histogram() {
        double[] v = new double[300];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian();
        return new Chart(Chart.Type.HISTOGRAM, "Scores", "score", null, null, List.of(Chart.Series.of("scores", null, v)));
    }

    static Chart scatter() {
        return new Chart(Chart.Type.SCATTER, "Pairs", "x", "y", null,
                List.of(Chart.Series.of("pts", new double[]{1, 2, 3, Double.NaN}, new double[]{2, 1, 3, 4})));
    }

    @Test
    void everyTypeRendersWellFormedSvg() throws Exception {
        for (Chart c : List.of(line(), bar(true), bar(false), histogram(), scatter())) {
            String svg = SvgCharts.render(c);
            Document doc = parse(svg);
            assertEquals("svg", doc.getDocumentElement().getTagName(), c.type().toString());
            assertTrue(doc.getDocumentElement().getAttribute("viewBox").startsWith("0 0 "), "scalable");
            assertTrue(svg.contains(c.title()), "title drawn");
            assertTrue(svg.length() < 60_000, c.type() + " SVG is compact: " + svg.length());
        }
    }

    @Test
    void sameChartSameSvgAndIdsAreDeterministic() {
        String a = SvgCharts.render(line());
        SvgCharts.render(histogram());
        String b = SvgCharts.render(line());
        assertEquals(a, b);
        String prefixed = SvgCharts.render(line(), SvgCharts.Options.DEFAULT.withIdPrefix("a1c1"));
        assertTrue(prefixed.startsWith("<svg id='a1c1'") || prefixed.startsWith("<svg id=\"a1c1\""), prefixed.substring(0, 40));
        assertTrue(prefixed.contains("a1c1-clip"), "defs ids carry the prefix");
        assertFalse(prefixed.matches("(?s).*_\\d{6,}.*"), "no clock-based ids");
        assertNotEquals(SvgCharts.render(line()), SvgCharts.render(bar(true)));
    }

    @Test
    void textIsEscapedNeverMarkup() throws Exception {
        Chart c = new Chart(Chart.Type.BAR, EVIL, EVIL, EVIL, List.of(EVIL, "ok"),
                List.of(Chart.Series.of(EVIL, null, new double[]{1, 2}), Chart.Series.of("second", null, new double[]{2, 1})));
        String svg = SvgCharts.render(c);
        Document doc = parse(svg);
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertFalse(svg.contains("<script"));
        boolean found = false;
        NodeList texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) found |= texts.item(i).getTextContent().contains("<script>alert(1)</script>");
        assertTrue(found, "the hostile string is shown as text");
    }

    @Test
    void errorBarsAreDrawnAsWhiskersWithCaps() throws Exception {
        assertEquals(9, errorBarLines(SvgCharts.render(bar(true))), "3 bars × (whisker + 2 caps)");
        assertEquals(0, errorBarLines(SvgCharts.render(bar(false))));
    }

    private static int errorBarLines(String svg) throws Exception {
        String colour = "rgb(" + Palette.ERROR_BAR.getRed() + "," + Palette.ERROR_BAR.getGreen() + "," + Palette.ERROR_BAR.getBlue() + ")";
        NodeList lines = parse(svg).getElementsByTagName("line");
        int n = 0;
        for (int i = 0; i < lines.getLength(); i++) {
            if (((Element) lines.item(i)).getAttribute("style").contains("stroke:" + colour)) n++;
        }
        return n;
    }

    @Test
    void duplicateCategoriesAndMissingLabelsStayDistinct() {
        var cats = SvgCharts.uniqueCategories(List.of("x", "x"), List.of(Chart.Series.of("s", null, new double[]{1, 2, 3})));
        assertEquals(List.of("x", "x (2)", "#3"), cats);
    }

    @Test
    void emptyDataStillRenders() throws Exception {
        Chart empty = new Chart(Chart.Type.HISTOGRAM, "none", null, null, null,
                List.of(Chart.Series.of("s", null, new double[]{Double.NaN})));
        assertTrue(SvgCharts.render(empty).contains("No finite data"));
        Chart noSeries = new Chart(Chart.Type.LINE, null, null, null, null, null);
        assertEquals("svg", parse(SvgCharts.render(noSeries)).getDocumentElement().getTagName());
        assertThrows(IllegalArgumentException.class, () -> SvgCharts.render(new Chart(null, null, null, null, null, null)));
    }

    @Test
    void idPrefixIsSanitised() {
        assertEquals("a_b_c", SvgCharts.sanitizeId("a\"b'c"));
        assertEquals("c1x", SvgCharts.sanitizeId("1x"));
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

}
