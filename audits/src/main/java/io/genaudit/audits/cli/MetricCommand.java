package io.genaudit.audits.cli;

import io.genaudit.audits.metric.InputFeed;
import io.genaudit.audits.metric.MetricPresentation;
import io.genaudit.engine.InputException;
import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.contract.ParamException;
import io.genaudit.metrics.contract.ParamSchema;
import io.genaudit.metrics.contract.ResultFields;
import io.genaudit.reports.Table;
import io.genaudit.values.Interval;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The command generated from a {@link Metric}: {@code genaudit NAME}, with the input adapter's options (paths,
 * extractor, {@code --json}) and one option per metric parameter ({@code --kebab-name}, the plan's default and help),
 * bound and checked by the same {@link ParamSchema} as the plan module. Prints a one-line result with its interval, the
 * tables of the result type's {@link io.genaudit.audits.metric.ResultPresenter} (the report's rows, e.g. bias-lm's per-probe
 * tests) and the caveats, and writes the result's output keys (the run record's detail keys) with {@code --json}.
 */
public final class MetricCommand<P extends Record, I, S extends Serializable, R extends Record & MetricResult> implements Callable<Integer> {
    private final Metric<P, I, S, R> metric;
    private final CommandInputs<I> inputs;
    private CommandSpec spec;

    private MetricCommand(Metric<P, I, S, R> metric) {
        this.metric = metric;
        this.inputs = CommandInputs.forType(metric.inputType());
    }

    /** The picocli command of {@code metric}. */
    public static CommandLine commandLine(Metric<?, ?, ?, ?> metric) {
        return build(metric);
    }

    private static <P extends Record, I, S extends Serializable, R extends Record & MetricResult> CommandLine build(Metric<P, I, S, R> metric) {
        MetricCommand<P, I, S, R> cmd = new MetricCommand<>(metric);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(cmd);
        spec.name(metric.info().name());
        spec.aliases(metric.info().aliases().toArray(String[]::new));
        spec.mixinStandardHelpOptions(true);
        spec.usageMessage().description(metric.info().summary(), "Plan module: metric: " + metric.info().name()
                + " (same parameters and defaults); documentation: " + metric.info().docPage());
        spec.addMixin("inputs", CommandSpec.forAnnotatedObject(cmd.inputs.options()));
        spec.addOption(OptionSpec.builder("--json").paramLabel("OUT").type(Path.class)
                .description("Write the result as JSON (the run record's output keys, parameters, input settings, notes).").build());
        for (ParamSchema.Entry e : metric.parameters().entries()) {
            String help = e.help() + (e.hasDefault() ? " Default: " + e.dflt() + "." : "");
            OptionSpec.Builder ob = OptionSpec.builder(e.option()).description(help);
            if (e.flag()) ob.arity("0..1").type(boolean.class).paramLabel("true|false");
            else ob.type(String.class).paramLabel(e.paramLabel());
            spec.addOption(ob.build());
        }
        cmd.spec = spec;
        return new CommandLine(spec);
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        ParamSchema<P> schema = metric.parameters();
        Map<String, Object> given = new HashMap<>();
        for (ParamSchema.Entry e : schema.entries()) {
            OptionSpec o = spec.findOption(e.option());
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) given.put(e.name(), o.getValue());
        }
        P params;
        try {
            params = schema.bind(given, null);
        } catch (ParamException e) {
            throw new InputException(schema.entry(e.parameter()).option(), e.getMessage());
        }
        inputs.metricParameters(schema.values(params));
        InputFeed<I> feed = inputs.open();
        if (feed == null) return ExitCodes.OK; // the options asked for no metric (e.g. only --save-stats)
        R result = metric.compute(MetricRun.accumulate(metric, params, feed), params);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metric", metric.info().name());
        out.put("value", result.value());
        if (result.unit() != null) out.put("unit", result.unit());
        out.put("n", result.n());
        if (result.ci() != null) out.put("ci", result.ci());
        out.putAll(ResultFields.details(result));
        out.put("params", schema.values(params));
        out.put("inputs", feed.settings());
        java.util.List<String> notes = new java.util.ArrayList<>(feed.notes());
        notes.addAll(result.notes());
        out.put("notes", notes);
        out.put("seconds", (System.nanoTime() - t0) / 1e9);
        PrintWriter console = spec.commandLine().getOut();
        console.println(line(result));
        for (Table t : MetricPresentation.tables(metric, params, result)) TerminalTables.lines(t, "  ").forEach(console::println);
        for (String n : notes) console.println("  note: " + n);
        console.flush();
        JsonOutput.write(spec.findOption("--json").getValue(), out);
        return ExitCodes.OK;
    }

    private String line(R r) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s %.6f", metric.info().name(), r.value()));
        if (r.unit() != null) s.append(' ').append(r.unit());
        Interval ci = r.ci();
        if (ci != null) s.append(" (").append(ci.describe()).append(')');
        s.append(String.format(Locale.ROOT, "  [n %d]", r.n()));
        return s.toString();
    }
}
