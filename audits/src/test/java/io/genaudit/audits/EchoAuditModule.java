package io.genaudit.audits;

import io.genaudit.reports.AuditResult;
import io.genaudit.values.Interval;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test module: reports the number given in params (plus a detail), so gates and records can be checked exactly.
 * {@code fail: internal|oom|input} injects a fault while the audit runs (a bug, out-of-memory, a late input error).
 */
public final class EchoAuditModule implements AuditModule {
    @Override
    public Boolean higherIsBetter() {
        return false;
    }

    @Override
    public String metric() {
        return "echo";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("value", "detail", "text", "fail", "samples", "level");
    }

    @Override
    public Set<String> gateFields() {
        return Set.of("detail");
    }

    @Override
    public List<AuditResult> run(AuditContext ctx, AuditSpec spec) {
        switch (spec.params().stringParam("fail", "none")) {
            case "internal" -> throw new IllegalStateException("injected bug");
            case "oom" -> throw new OutOfMemoryError("Java heap space (injected)");
            case "input" -> throw new io.genaudit.engine.InputException("injected.txt", "injected late input error");
            default -> { }
        }
        spec.params().intParam("samples", 1);
        double v = spec.params().doubleParam("value", 1.0);
        double d = spec.params().doubleParam("detail", 0.5);
        String text = spec.params().stringParam("text", "plain");
        String model = spec.models().isEmpty() ? "-" : spec.model();
        if (!spec.models().isEmpty()) ctx.model(model);
        try (var ph = ctx.phase("evaluate:" + spec.id(), "evaluate", model)) {
            ph.units("items", 10);
        }
        return List.of(new AuditResult(spec.id(), "echo", model, spec.data().isEmpty() ? null : spec.dataset(), v, null,
                new Interval(0.95, v - 1, v + 1, "fixed"), 10L, Map.of("seed", ctx.seed()), null,
                Map.of("detail", d, "text", text), null, null, null, null));
    }
}
