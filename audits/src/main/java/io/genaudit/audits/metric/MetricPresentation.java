package io.genaudit.audits.metric;

import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.ResultFields;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Turns a metric's typed result into the run record's {@link AuditResult}: headline value, unit, interval and n from
 * {@link MetricResult}, settings from the parameters and the inputs, details from the result's other components
 * (the same keys as the command line's {@code --json}), notes from the result and the inputs, then any registered
 * {@link ResultPresenter} for charts and tables.
 */
public final class MetricPresentation {
    private static volatile Map<Class<?>, ResultPresenter<?, ?>> presenters;

    private MetricPresentation() {
    }

    /** The builder of an audit result for {@code result}, computed with {@code params} on {@code feed}'s input. */
    public static <P extends Record> AuditResult.Builder present(String id, Metric<P, ?, ?, ?> metric, P params, Record result, InputFeed<?> feed) {
        MetricResult r = (MetricResult) result;
        Map<String, Object> settings = new LinkedHashMap<>(feed.settings());
        settings.putAll(metric.parameters().values(params));
        AuditResult.Builder b = AuditResult.builder(id, metric.info().name())
                .model(feed.subject()).dataset(feed.datasetLabel())
                .value(r.value()).unit(r.unit()).ci(r.ci()).n(r.n())
                .settings(settings).details(ResultFields.details(result));
        feed.notes().forEach(b::note);
        r.notes().forEach(b::note);
        ResultPresenter<P, Record> p = presenter(metric.resultType());
        if (p != null) p.present(params, result, b);
        return b;
    }

    /**
     * The tables the registered {@link ResultPresenter} of {@code metric}'s result type makes of {@code result} (none
     * without one): what a generated command prints below its headline, the same rows the report shows.
     */
    public static <P extends Record> List<Table> tables(Metric<P, ?, ?, ?> metric, P params, Record result) {
        ResultPresenter<P, Record> p = presenter(metric.resultType());
        if (p == null) return List.of();
        AuditResult.Builder scratch = AuditResult.builder("terminal", metric.info().name());
        p.present(params, result, scratch);
        return scratch.build().tables();
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> ResultPresenter<P, Record> presenter(Class<?> resultType) {
        Map<Class<?>, ResultPresenter<?, ?>> m = presenters;
        if (m == null) {
            m = new LinkedHashMap<>();
            for (ResultPresenter<?, ?> p : ServiceLoader.load(ResultPresenter.class)) m.put(p.resultType(), p);
            presenters = m;
        }
        return (ResultPresenter<P, Record>) m.get(resultType);
    }
}
