package io.genaudit.audits.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.genaudit.engine.io.Sha256;
import io.genaudit.reports.RunRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a signed evidence bundle in memory: the run's files and plan, {@code signer.pub}, a manifest of SHA-256
 * digests (members and run inputs), and a DSSE envelope whose Ed25519 signature covers an in-toto Statement v1 whose
 * subjects are all those digests, dated and naming the signer.
 */
public final class BundleWriter {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private BundleWriter() {
    }

    /**
     * The bundle's zip bytes.
     *
     * @param record   the run record (already parsed from {@code files}' run.json)
     * @param files    bundle member name to bytes: run outputs under {@link BundleLayout#RUN_PREFIX}, plan under
     *                 {@link BundleLayout#PLAN_PREFIX}
     * @param signer   who signs
     * @param keys     the signing key pair
     * @param signedAt the signing time (written to the statement and as every entry's time)
     */
    public static byte[] build(RunRecord record, Map<String, byte[]> files, Signer signer, KeyPair keys, Instant signedAt)
            throws IOException {
        Map<String, byte[]> members = new TreeMap<>(files);
        members.put(BundleLayout.PUBLIC_KEY, Ed25519Keys.publicPem(keys.getPublic()).getBytes(StandardCharsets.UTF_8));
        List<EvidenceInputs.Input> inputs = EvidenceInputs.of(record);
        String keyId = Ed25519Keys.keyId(keys.getPublic());
        members.put(BundleLayout.MANIFEST, JSON.writeValueAsBytes(manifest(record, members, inputs, signer, keyId, signedAt)));
        List<Subject> subjects = new ArrayList<>();
        members.forEach((name, bytes) -> subjects.add(new Subject(name, Sha256.of(bytes))));
        inputs.forEach(in -> subjects.add(new Subject(in.subjectName(), in.sha256())));
        byte[] statement = COMPACT.writeValueAsBytes(statement(record, subjects, signer, keyId, signedAt));
        DsseEnvelope env = DsseEnvelope.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, statement, keys.getPrivate(), keys.getPublic());
        members.put(BundleLayout.ENVELOPE, env.toBytes());
        return zip(members, signedAt);
    }

    private static Map<String, Object> manifest(RunRecord record, Map<String, byte[]> members, List<EvidenceInputs.Input> inputs,
                                                Signer signer, String keyId, Instant signedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", BundleLayout.MANIFEST_FORMAT);
        m.put("signedAt", signedAt.toString());
        m.put("signer", signerJson(signer, keyId));
        m.put("run", runSummary(record));
        List<Map<String, Object>> files = new ArrayList<>();
        members.forEach((name, bytes) -> files.add(row("path", name, "bytes", (long) bytes.length, "sha256", Sha256.of(bytes))));
        m.put("files", files);
        List<Map<String, Object>> in = new ArrayList<>();
        for (EvidenceInputs.Input i : inputs) {
            in.add(row("role", i.role(), "location", i.location(), "bytes", i.bytes(), "sha256", i.sha256()));
        }
        m.put("inputs", in);
        return m;
    }

    private static Map<String, Object> statement(RunRecord record, List<Subject> subjects, Signer signer, String keyId, Instant signedAt) {
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("_type", BundleLayout.STATEMENT_TYPE);
        List<Map<String, Object>> subj = new ArrayList<>();
        for (Subject s : subjects) subj.add(row("name", s.name(), "digest", Map.of("sha256", s.sha256()), null, null));
        st.put("subject", subj);
        st.put("predicateType", BundleLayout.PREDICATE_TYPE);
        Map<String, Object> pred = new LinkedHashMap<>();
        pred.put("signer", signerJson(signer, keyId));
        pred.put("signedAt", signedAt.toString());
        pred.put("run", runSummary(record));
        pred.put("manifest", BundleLayout.MANIFEST);
        st.put("predicate", pred);
        return st;
    }

    static Map<String, Object> runSummary(RunRecord record) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("title", record.title());
        r.put("plan", record.planName());
        r.put("verdict", record.verdict());
        if (record.provenance() != null) {
            r.put("startedAt", record.provenance().startedAt());
            r.put("genauditVersion", record.provenance().genauditVersion());
            r.put("seed", record.provenance().seed());
        }
        return r;
    }

    private static Map<String, Object> signerJson(Signer signer, String keyId) {
        return row("name", signer.name(), "role", signer.role(), "keyid", keyId);
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i] != null && kv[i + 1] != null) m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static byte[] zip(Map<String, byte[]> members, Instant time) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var e : members.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(time.toEpochMilli());
                z.putNextEntry(entry);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
