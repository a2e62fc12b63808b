package io.genaudit.reports.html;

import io.genaudit.reports.AtomicWrite;
import io.genaudit.reports.RunRecord;
import io.genaudit.reports.format.BundledText;
import io.genaudit.reports.compliance.ComplianceMap;
import io.genaudit.reports.compliance.ComplianceRow;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a run record as one self-contained HTML page ({@code report.html}) with Thymeleaf: overview, one section per
 * audit, models, energy and cost, provenance. Nothing is loaded from the network: the stylesheet is inlined, charts are
 * inline SVG, figures are data URIs. All text from the record is escaped.
 */
public final class HtmlReportRenderer {
    static final String TEMPLATES = "io/genaudit/reports/templates/";
    private static final TemplateEngine ENGINE = engine();
    private static final String CSS = BundledText.read(TEMPLATES + "report.css");

    private HtmlReportRenderer() {
    }

    /** The report as an HTML string. */
    public static String render(RunRecord record) {
        return render(ReportViews.of(record), ComplianceMap.of(record));
    }

    /** The report for an already-built view model (for callers that adjust the view), without the regulations' map. */
    public static String render(Views.ReportView view) {
        return render(view, null);
    }

    /** The report for a view model with the regulations' map rows (null: no such section). */
    public static String render(Views.ReportView view, List<ComplianceRow> compliance) {
        Context ctx = new Context(Locale.ROOT, Map.of("r", view, "css", CSS));
        ctx.setVariable("compliance", compliance);
        ctx.setVariable("complianceSources", ComplianceMap.SOURCES);
        return ENGINE.process("report", ctx);
    }

    /** Renders {@code template} (a file under the templates folder, without ".html") with {@code variables} and the stylesheet as {@code css}. */
    public static String renderTemplate(String template, Map<String, Object> variables) {
        Context ctx = new Context(Locale.ROOT, variables);
        ctx.setVariable("css", CSS);
        return ENGINE.process(template, ctx);
    }

    /** Writes the report to {@code file} atomically. */
    public static void write(RunRecord record, Path file) throws IOException {
        AtomicWrite.writeString(file, render(record));
    }

    /** The report's stylesheet, for other pages that want the same look. */
    public static String css() {
        return CSS;
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(HtmlReportRenderer.class.getClassLoader());
        resolver.setPrefix(TEMPLATES);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
