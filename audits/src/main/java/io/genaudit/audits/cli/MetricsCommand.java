package io.genaudit.audits.cli;

import io.genaudit.audits.metric.MetricReference;
import io.genaudit.engine.InputException;
import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code genaudit metrics}: every metric genaudit knows, with its direction and documentation page, or one metric's
 * generated reference (parameters, defaults, output keys) as Markdown.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "List the metrics (plan name = command name), or print one metric's parameters and output keys.")
public final class MetricsCommand implements GenauditSubcommand, Callable<Integer> {
    @Option(names = "--markdown", description = "Print the metric's generated reference block (what its doc page carries).")
    boolean markdown;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "A metric name.")
    String name;

    @Override
    public Integer call() {
        if (name == null) {
            for (Metric<?, ?, ?, ?> m : MetricCatalog.all().values()) {
                System.out.printf(Locale.ROOT, "%-18s %-17s %s%n", m.info().name(), m.info().direction().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        m.info().docPage());
            }
            return ExitCodes.OK;
        }
        Metric<?, ?, ?, ?> m = MetricCatalog.find(name);
        if (m == null) throw new InputException(name, "no such metric; known: " + String.join(", ", MetricCatalog.all().keySet()));
        System.out.print(markdown ? MetricReference.markdown(m) : MetricReference.markdown(m).replace(MetricReference.BEGIN + "\n", "").replace(MetricReference.END + "\n", ""));
        return ExitCodes.OK;
    }
}
