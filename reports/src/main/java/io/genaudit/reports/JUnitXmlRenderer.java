package io.genaudit.reports;

import io.genaudit.reports.format.Numbers;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Renders a run record as JUnit XML ({@code junit.xml}) so CI systems show each audit as a test: one testsuite, one
 * testcase per audit named "{id}: {metric} on {model}". A failed gate is a {@code <failure>} whose message carries the
 * measured value, its interval and the threshold, and whose body is the gate's explanation. Ungated audits are
 * passing testcases with their value in {@code <system-out>}: CI tools then list every measurement without showing
 * "skipped", which readers take for "did not run".
 */
public final class JUnitXmlRenderer {
    private JUnitXmlRenderer() {
    }

    /** The JUnit XML document as a string. */
    public static String render(RunRecord record) {
        List<AuditResult> audits = record.audits() == null ? List.of() : record.audits();
        long failures = audits.stream().filter(a -> a.gate() != null && !a.gate().passed()).count();
        StringWriter sw = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(sw);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", clean("genaudit " + orEmpty(record.planName())));
            w.writeAttribute("tests", Integer.toString(audits.size()));
            w.writeAttribute("failures", Long.toString(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            Provenance p = record.provenance();
            if (p != null) {
                w.writeAttribute("time", String.format(Locale.ROOT, "%.3f", finite(p.wallSeconds())));
                if (p.startedAt() != null) w.writeAttribute("timestamp", clean(p.startedAt()));
            }
            w.writeCharacters("\n  ");
            w.writeStartElement("properties");
            property(w, "verdict", record.verdict());
            property(w, "plan", record.planName());
            property(w, "title", record.title());
            property(w, "schemaVersion", record.schemaVersion());
            if (p != null) {
                property(w, "genauditVersion", p.genauditVersion());
                property(w, "planSha256", p.planSha256());
                property(w, "seed", Long.toString(p.seed()));
            }
            w.writeCharacters("\n  ");
            w.writeEndElement();
            for (AuditResult a : audits) testcase(w, a, record.planName());
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return sw.toString();
    }

    /** Writes {@code junit.xml} atomically. */
    public static void write(RunRecord record, Path file) throws IOException {
        AtomicWrite.writeString(file, render(record));
    }

    /** The testcase name of an audit: "{id}: {metric} on {model}". */
    public static String testName(AuditResult a) {
        return a.id() + ": " + a.metric() + " on " + a.model();
    }

    private static void testcase(XMLStreamWriter w, AuditResult a, String plan) throws XMLStreamException {
        w.writeCharacters("\n  ");
        w.writeStartElement("testcase");
        w.writeAttribute("name", clean(testName(a)));
        w.writeAttribute("classname", clean("genaudit." + (plan == null || plan.isBlank() ? "audit" : plan)));
        String measured = measured(a);
        GateOutcome g = a.gate();
        if (g != null && !g.passed()) {
            w.writeCharacters("\n    ");
            w.writeStartElement("failure");
            w.writeAttribute("type", "GateFailed");
            w.writeAttribute("message", clean(measured + "; gate " + field(g) + " " + Numbers.gateCondition(g.op(), g.threshold())
                    + " failed"));
            w.writeCharacters(clean(orEmpty(g.explanation())));
            w.writeEndElement();
        }
        w.writeCharacters("\n    ");
        w.writeStartElement("system-out");
        StringBuilder out = new StringBuilder(measured);
        out.append("\ndataset: ").append(orEmpty(a.dataset()));
        if (a.ci() != null && a.ci().method() != null) out.append("\ninterval method: ").append(a.ci().method());
        if (a.ci() != null && a.ci().estimand() != null) out.append("\ninterval covers: ").append(a.ci().estimand());
        if (g == null) out.append("\nnot gated: this measurement does not affect the verdict");
        else out.append("\ngate: ").append(orEmpty(g.explanation()));
        for (String note : a.notes()) out.append("\nnote: ").append(note);
        w.writeCharacters(clean(out.toString()));
        w.writeEndElement();
        w.writeCharacters("\n  ");
        w.writeEndElement();
    }

    /** "perplexity = 41.2 nats, 95% CI [39.8, 42.7], n = 12,800". */
    static String measured(AuditResult a) {
        StringBuilder s = new StringBuilder();
        s.append(a.metric()).append(" = ").append(Numbers.withUnit(a.value(), a.unit()));
        if (a.ci() != null) s.append(", ").append(Numbers.interval(a.ci()));
        s.append(", n = ").append(Numbers.count(a.n()));
        return s.toString();
    }

    private static String field(GateOutcome g) {
        return g.field() == null || g.field().isBlank() ? "value" : g.field();
    }

    private static void property(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value == null) return;
        w.writeCharacters("\n    ");
        w.writeEmptyElement("property");
        w.writeAttribute("name", name);
        w.writeAttribute("value", clean(value));
    }

    /** Removes characters XML 1.0 cannot carry (control characters, lone surrogates); the writer escapes the rest. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (ok) {
                b.append(c);
            } else {
                b.append('\uFFFD');
            }
        }
        return b.toString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static double finite(double d) {
        return Double.isFinite(d) ? d : 0;
    }
}
