package io.genaudit.audits.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * DSSE (Dead Simple Signing Envelope, secure-systems-lab/dsse protocol v1.0.0) pre-authentication encoding: what is
 * actually signed, binding the payload type to the payload so neither can be swapped without breaking the signature.
 */
public final class Dsse {
    /** The in-toto attestation payload type. */
    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

    private Dsse() {
    }

    /**
     * {@code PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, where LEN is the length in bytes
     * (ASCII decimal, no leading zeros) and type is UTF-8 encoded.
     */
    public static byte[] pae(String payloadType, byte[] body) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(type.length + body.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + body.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
