package io.genaudit.audits;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test provider: type {@code fake} makes a model that does nothing; option {@code path} must exist when given; {@code train} is accepted (and only checked by the preflight). */
public final class FakeModelProvider implements ModelProvider {
    @Override
    public Set<String> types() {
        return Set.of("fake");
    }

    @Override
    public Set<String> options(String type) {
        return Set.of("path", "size", "train");
    }

    @Override
    public LoadedModel load(ModelSpec spec, AuditContext ctx) {
        String path = spec.params().stringParam("path", null);
        String sha = path == null ? "0".repeat(64) : ctx.recordFile("model", java.nio.file.Path.of(path));
        return new LoadedModel(spec.id(), spec.type(), () -> { }, sha, "fake model " + spec.id(), Map.of("size", 1), List.of(), List.of());
    }
}
