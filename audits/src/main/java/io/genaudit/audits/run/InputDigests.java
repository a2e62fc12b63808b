package io.genaudit.audits.run;

import io.genaudit.audits.AuditSpec;
import io.genaudit.reports.AuditResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Adds the SHA-256 of the datasets an audit read to its settings ({@code data_sha256}), so a comparison or a baseline
 * gate can refuse numbers computed on different data. Both engines record it the same way: the single JVM from the
 * files it resolved, the Spark engine from its Parquet tables (local or on a Hadoop file system).
 */
public final class InputDigests {
    private InputDigests() {
    }

    /**
     * {@code r} with {@code data_sha256}: the digests ({@code sha256} of a dataset id) of the datasets {@code spec}
     * reads, its {@code data:} and the dataset ids its parameters name (detectability's {@code real: shapes}, a
     * fidelity audit's {@code real}/{@code fake}); {@code r} unchanged when it reads none or already has one.
     */
    public static AuditResult with(AuditResult r, AuditSpec spec, Set<String> datasetIds, Function<String, String> sha256) {
        List<String> ids = new ArrayList<>(spec.data());
        for (Object v : spec.params().values().values()) {
            if (v instanceof String s && datasetIds.contains(s) && !ids.contains(s)) ids.add(s);
        }
        if (ids.isEmpty() || r.settings().containsKey("data_sha256")) return r;
        List<String> shas = new ArrayList<>();
        for (String d : ids) shas.add(sha256.apply(d));
        return r.toBuilder().setting("data_sha256", shas.size() == 1 ? shas.get(0) : shas).build();
    }
}
