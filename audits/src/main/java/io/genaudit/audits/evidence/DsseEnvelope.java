package io.genaudit.audits.evidence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;

/**
 * A DSSE envelope ({@code payload} base64, {@code payloadType}, {@code signatures}) as the DSSE spec's envelope.md
 * defines it. It is written in one canonical form (compact JSON, fields in spec order) and {@link #parse} refuses any
 * other byte sequence, so that even a change the JSON parser would forgive (white space, an unsigned key id) is seen.
 *
 * @param payload     base64 (standard alphabet, padded) of the serialized body
 * @param payloadType the body's media type, e.g. {@link Dsse#IN_TOTO_PAYLOAD_TYPE}
 * @param signatures  one or more signatures over {@link Dsse#pae} of the type and the decoded body
 */
public record DsseEnvelope(String payload, String payloadType, List<Sig> signatures) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One signature: the signing key's id and the base64 signature. */
    public record Sig(String keyid, String sig) {
    }

    public DsseEnvelope {
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    /** Signs {@code body} of type {@code payloadType} with {@code key}, whose public half is {@code pub}. */
    public static DsseEnvelope sign(String payloadType, byte[] body, PrivateKey key, PublicKey pub) {
        byte[] sig = Ed25519Keys.sign(key, Dsse.pae(payloadType, body));
        return new DsseEnvelope(Base64.getEncoder().encodeToString(body), payloadType,
                List.of(new Sig(Ed25519Keys.keyId(pub), Base64.getEncoder().encodeToString(sig))));
    }

    /** The decoded body; throws {@link IllegalArgumentException} when the payload is not valid base64. */
    public byte[] body() {
        return Base64.getDecoder().decode(payload);
    }

    /** Whether a signature with {@code pub}'s key id verifies over PAE(payloadType, body). */
    public boolean verifiedBy(PublicKey pub) {
        String id = Ed25519Keys.keyId(pub);
        byte[] body;
        try {
            body = body();
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] pae = Dsse.pae(payloadType, body);
        for (Sig s : signatures) {
            if (!id.equals(s.keyid())) continue;
            try {
                if (Ed25519Keys.verify(pub, pae, Base64.getDecoder().decode(s.sig()))) return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    /** The canonical bytes: compact JSON, UTF-8, fields in the order of this record. */
    public byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses envelope bytes; throws {@link IllegalArgumentException} with the reason when they are not a DSSE envelope
     * or not in the canonical form {@link #toBytes} writes.
     */
    public static DsseEnvelope parse(byte[] bytes) {
        DsseEnvelope env;
        try {
            env = JSON.readValue(bytes, DsseEnvelope.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a DSSE envelope: " + firstLine(e.getMessage()));
        }
        if (env.payload() == null || env.payloadType() == null || env.signatures().isEmpty()) {
            throw new IllegalArgumentException("not a DSSE envelope: payload, payloadType and signatures are required");
        }
        for (String b64 : canonicalBase64(env)) {
            try {
                if (!Base64.getEncoder().encodeToString(Base64.getDecoder().decode(b64)).equals(b64)) {
                    throw new IllegalArgumentException("base64 not in canonical form (bytes were changed)");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid base64: " + e.getMessage());
            }
        }
        if (!java.util.Arrays.equals(bytes, env.toBytes())) {
            throw new IllegalArgumentException("not in the canonical form genaudit writes (bytes were changed)");
        }
        return env;
    }

    /** The payload and every signature: base64 whose unused padding bits could otherwise change unnoticed. */
    private static List<String> canonicalBase64(DsseEnvelope env) {
        List<String> out = new java.util.ArrayList<>();
        out.add(env.payload());
        for (Sig s : env.signatures()) {
            if (s == null || s.sig() == null || s.keyid() == null) throw new IllegalArgumentException("not a DSSE envelope: a signature lacks keyid or sig");
            out.add(s.sig());
        }
        return out;
    }

    static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }
}
