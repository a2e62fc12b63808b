package io.genaudit.reports;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JUnitXmlRendererTest {
    @Test
    void oneTestcasePerAuditAndFailuresForFailedGates() throws Exception {
        Document doc = parse(JUnitXmlRenderer.render(SampleRunRecords.rich()));
        Element suite = doc.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("5", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("184.600", suite.getAttribute("time"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(5, cases.getLength());
        Element fid = (Element) cases.item(1);
        assertEquals("gan-fid: fid on dcgan-digits", fid.getAttribute("name"));
        assertEquals("genaudit.sample-plan", fid.getAttribute("classname"));
        NodeList failures = fid.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        Element failure = (Element) failures.item(0);
        String message = failure.getAttribute("message");
        assertTrue(message.contains("fid = 48.71"), message);
        assertTrue(message.contains("95% CI [45.02, 52.9]"), message);
        assertTrue(message.contains("n = 2,000"), message);
        assertTrue(message.contains("value ≤ 40"), message);
        assertTrue(failure.getTextContent().contains("is above the maximum of 40: FAIL."));
        for (int i : new int[]{0, 2, 3, 4}) {
            assertEquals(0, ((Element) cases.item(i)).getElementsByTagName("failure").getLength(), "case " + i);
        }
        String ungatedOut = ((Element) cases.item(3)).getElementsByTagName("system-out").item(0).getTextContent();
        assertTrue(ungatedOut.contains("exact-match-rate = 0.031%"), ungatedOut);
        assertTrue(ungatedOut.contains("not gated"), ungatedOut);
        assertEquals("FAIL", property(suite, "verdict"));
        assertEquals("42", property(suite, "seed"));
    }

    @Test
    void hostileAndControlCharactersStayWellFormed() throws Exception {
        String evil = "a<b>&\"'\u0001\u0000 ]]> " + SampleRunRecords.SCRIPT;
        AuditResult a = new AuditResult(evil, "m", evil, null, 2.0, null, null, 3L, null,
                new GateOutcome("max", 1, "value", false, evil), null, null, null, null, List.of(evil));
        RunRecord r = new RunRecord(RunRecord.SCHEMA_VERSION, evil, evil, "FAIL", List.of(), List.of(a), null);
        Document doc = parse(JUnitXmlRenderer.render(r));
        Element tc = (Element) doc.getElementsByTagName("testcase").item(0);
        assertTrue(tc.getAttribute("name").startsWith("a<b>&\"'\uFFFD\uFFFD ]]> <script>"), tc.getAttribute("name"));
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertTrue(tc.getElementsByTagName("failure").item(0).getTextContent().contains("]]>"));
    }

    private static String property(Element suite, String name) {
        NodeList props = suite.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if (p.getAttribute("name").equals(name)) return p.getAttribute("value");
        }
        return null;
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
