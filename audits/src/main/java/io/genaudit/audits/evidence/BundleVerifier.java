package io.genaudit.audits.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.InputException;
import io.genaudit.engine.io.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an evidence bundle: the DSSE signature over the in-toto statement (with a trusted public key, or the
 * bundle's own when none is given), then every member against the statement's subjects, naming each changed,
 * missing, extra or duplicated member.
 */
public final class BundleVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BundleVerifier() {
    }

    /**
     * Verifies {@code bundle}.
     *
     * @param trusted the public key to check the signature with; null to use the bundle's {@code signer.pub} (which
     *                proves integrity, not identity)
     * @param trustedSource how the trusted key was given, for the report
     */
    public static BundleVerification verify(BundleMembers bundle, PublicKey trusted, String trustedSource) {
        List<String> problems = new ArrayList<>();
        Map<String, byte[]> members = bundle.members();
        bundle.duplicates().forEach(d -> problems.add(d + ": duplicated member (the zip holds it more than once)"));
        if (bundle.corrupt() != null) problems.add(bundle.corrupt() + ": changed (its zip data fails the CRC or cannot be inflated)");
        PublicKey key = trusted;
        String keySource = trustedSource;
        if (key == null) {
            byte[] pem = members.get(BundleLayout.PUBLIC_KEY);
            if (pem == null) {
                problems.add(BundleLayout.PUBLIC_KEY + ": missing (and no --pubkey given)");
            } else {
                try {
                    key = Ed25519Keys.parsePublic(new String(pem, StandardCharsets.UTF_8), BundleLayout.PUBLIC_KEY);
                    keySource = "the bundle's own " + BundleLayout.PUBLIC_KEY + " (integrity only; pass --pubkey to check who signed)";
                } catch (InputException e) {
                    problems.add(BundleLayout.PUBLIC_KEY + ": changed (" + e.getMessage() + ")");
                }
            }
        }
        String keyId = key == null ? null : Ed25519Keys.keyId(key);
        byte[] envBytes = members.get(BundleLayout.ENVELOPE);
        if (envBytes == null) {
            problems.add(BundleLayout.ENVELOPE + ": missing (nothing signed)");
            return new BundleVerification(problems, null, null, keyId, keySource, 0);
        }
        DsseEnvelope env;
        try {
            env = DsseEnvelope.parse(envBytes);
        } catch (IllegalArgumentException e) {
            problems.add(BundleLayout.ENVELOPE + ": changed (" + e.getMessage() + ")");
            return new BundleVerification(problems, null, null, keyId, keySource, 0);
        }
        if (!Dsse.IN_TOTO_PAYLOAD_TYPE.equals(env.payloadType())) {
            problems.add(BundleLayout.ENVELOPE + ": payloadType is '" + env.payloadType() + "', expected " + Dsse.IN_TOTO_PAYLOAD_TYPE);
        }
        if (key != null && !env.verifiedBy(key)) {
            problems.add("signature: does not verify with key " + keyId + " from " + keySource);
        }
        JsonNode statement;
        try {
            statement = JSON.readTree(env.body());
        } catch (IOException | IllegalArgumentException e) {
            problems.add(BundleLayout.ENVELOPE + ": the signed payload is not an in-toto statement");
            return new BundleVerification(problems, null, null, keyId, keySource, 0);
        }
        if (!BundleLayout.STATEMENT_TYPE.equals(statement.path("_type").asText())) {
            problems.add(BundleLayout.ENVELOPE + ": statement _type is not " + BundleLayout.STATEMENT_TYPE);
        }
        Map<String, String> subjects = new LinkedHashMap<>();
        for (JsonNode s : statement.path("subject")) {
            subjects.put(s.path("name").asText(), s.path("digest").path("sha256").asText());
        }
        for (var s : subjects.entrySet()) {
            if (s.getKey().startsWith(Subject.INPUT_PREFIX)) continue;
            byte[] data = members.get(s.getKey());
            if (data == null) {
                if (!s.getKey().equals(bundle.corrupt())) problems.add(s.getKey() + ": missing");
            } else if (!Sha256.of(data).equals(s.getValue())) {
                problems.add(s.getKey() + ": changed (SHA-256 " + Sha256.of(data) + ", signed " + s.getValue() + ")");
            }
        }
        for (String name : members.keySet()) {
            boolean signedMember = subjects.containsKey(name) && !name.startsWith(Subject.INPUT_PREFIX);
            if (!name.equals(BundleLayout.ENVELOPE) && !signedMember) problems.add(name + ": extra (not in the signed statement)");
        }
        JsonNode pred = statement.path("predicate");
        String signer = pred.path("signer").path("name").asText(null);
        String role = pred.path("signer").path("role").asText("");
        if (signer != null && !role.isEmpty()) signer = signer + ", " + role;
        String signedKeyId = pred.path("signer").path("keyid").asText(null);
        if (keyId != null && signedKeyId != null && !signedKeyId.equals(keyId) && problems.stream().noneMatch(p -> p.startsWith("signature:"))) {
            problems.add("signature: the statement names key " + signedKeyId + " but verifies with " + keyId);
        }
        return new BundleVerification(problems, signer, pred.path("signedAt").asText(null), keyId, keySource, subjects.size());
    }
}
