package io.genaudit.audits.evidence;

import io.genaudit.reports.FileDigest;
import io.genaudit.reports.ModelRecord;
import io.genaudit.reports.Provenance;
import io.genaudit.reports.RunRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input digests a run record already holds (plan, every file read, every model's hash), as manifest rows and
 * in-toto subjects. They let a reviewer check, years later, that the models and data at hand are the ones audited.
 */
public final class EvidenceInputs {
    private EvidenceInputs() {
    }

    /** One input: its role (plan, model, data...), where it was (path or model id), size when known, SHA-256. */
    public record Input(String role, String location, Long bytes, String sha256) {
        /** The input's subject name, {@code input:ROLE:LOCATION}. */
        public String subjectName() {
            return Subject.INPUT_PREFIX + role + ":" + location;
        }
    }

    /** Every distinct input digest of {@code record}, in a stable order (plan, files as recorded, then models). */
    public static List<Input> of(RunRecord record) {
        Map<String, Input> out = new LinkedHashMap<>();
        Provenance p = record.provenance();
        if (p != null && isSha(p.planSha256())) {
            add(out, new Input("plan", p.planPath() == null ? "plan" : p.planPath(), null, p.planSha256()));
        }
        if (p != null && p.files() != null) {
            for (FileDigest f : p.files()) {
                if (isSha(f.sha256())) add(out, new Input(f.role() == null ? "file" : f.role(), f.path(), f.bytes(), f.sha256()));
            }
        }
        if (record.models() != null) {
            for (ModelRecord m : record.models()) {
                if (isSha(m.sha256())) add(out, new Input("model", m.id(), null, m.sha256()));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static void add(Map<String, Input> out, Input in) {
        out.putIfAbsent(in.subjectName() + "\u0000" + in.sha256(), in);
    }

    static boolean isSha(String s) {
        return s != null && s.matches("[0-9a-f]{64}");
    }
}
