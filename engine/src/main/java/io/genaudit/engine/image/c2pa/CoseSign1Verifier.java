package io.genaudit.engine.image.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * Verifies a C2PA claim signature: a COSE_Sign1 (RFC 9052, tag 18) with a detached payload, the signer's certificate
 * in the x5chain header (label 33, or "x5chain" in C2PA 1.x files; protected or unprotected), checked over the Sig_structure
 * ["Signature1", protected, h'', claim bytes] with java.security. ECDSA signatures are the raw r||s form COSE uses.
 */
public final class CoseSign1Verifier {
    static final CBORMapper CBOR = new CBORMapper();

    /** What the check found, with the signer certificate's subject when one was read. */
    public record Result(SignatureStatus status, CertificateTrust trust, String signer, String detail) {
    }

    private CoseSign1Verifier() {
    }

    /** Checks {@code cose} (the signature box's CBOR) over {@code claim} (the claim box's CBOR bytes). */
    public static Result verify(byte[] cose, byte[] claim) {
        JsonNode msg;
        try {
            msg = CBOR.readTree(cose);
        } catch (IOException e) {
            return new Result(SignatureStatus.MALFORMED, CertificateTrust.NONE, null, "signature is not CBOR: " + e.getMessage());
        }
        if (msg == null || !msg.isArray() || msg.size() != 4 || !msg.get(0).isBinary() || !msg.get(3).isBinary())
            return new Result(SignatureStatus.MALFORMED, CertificateTrust.NONE, null, "signature is not a COSE_Sign1 array [protected, unprotected, payload, signature]");
        try {
            byte[] protectedBytes = msg.get(0).binaryValue();
            JsonNode prot = protectedBytes.length == 0 ? CBOR.createObjectNode() : CBOR.readTree(protectedBytes);
            JsonNode unprot = msg.get(1);
            JsonNode alg = prot.get("1");
            JsonNode chain = x5chain(prot);
            if (chain == null) chain = x5chain(unprot);
            if (alg == null || !alg.isInt()) return new Result(SignatureStatus.MALFORMED, CertificateTrust.NONE, null, "no algorithm (label 1) in the protected header");
            if (chain == null) return new Result(SignatureStatus.MALFORMED, CertificateTrust.NONE, null, "no x5chain (label 33) certificate");
            JsonNode leaf = chain.isArray() ? chain.path(0) : chain;
            if (!leaf.isBinary()) return new Result(SignatureStatus.MALFORMED, CertificateTrust.NONE, null, "x5chain (label 33) holds no certificate byte string");
            byte[] leafDer = leaf.binaryValue();
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(leafDer));
            CertificateTrust trust = trust(cert);
            String signer = cert.getSubjectX500Principal().getName();
            Signature sig = signature(alg.intValue());
            if (sig == null) return new Result(SignatureStatus.UNSUPPORTED, trust, signer, "COSE algorithm " + alg.intValue() + " is not checked");
            sig.initVerify(cert.getPublicKey());
            sig.update(sigStructure(protectedBytes, claim));
            boolean ok;
            try {
                ok = sig.verify(msg.get(3).binaryValue());
            } catch (java.security.SignatureException e) {
                ok = false;
            }
            return new Result(ok ? SignatureStatus.VALID : SignatureStatus.INVALID, trust, signer,
                    ok ? "signature verifies with the embedded certificate" : "signature does not verify over the claim");
        } catch (CertificateException e) {
            return new Result(SignatureStatus.MALFORMED, CertificateTrust.NONE, null, "x5chain certificate unreadable: " + e.getMessage());
        } catch (IOException | GeneralSecurityException e) {
            return new Result(SignatureStatus.MALFORMED, CertificateTrust.NONE, null, "signature unreadable: " + e.getMessage());
        }
    }

    /** The x5chain header: label 33, or the text label "x5chain" that C2PA 1.x writers used before 33 was registered. */
    private static JsonNode x5chain(JsonNode header) {
        if (header == null) return null;
        return header.has("33") ? header.get("33") : header.get("x5chain");
    }

    private static CertificateTrust trust(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) return CertificateTrust.UNTRUSTED_CHAIN;
        try {
            cert.verify(cert.getPublicKey());
            return CertificateTrust.SELF_SIGNED;
        } catch (GeneralSecurityException e) {
            return CertificateTrust.UNTRUSTED_CHAIN;
        }
    }

    /** The java.security verifier for a COSE algorithm id, or null when unsupported. */
    private static Signature signature(int alg) throws GeneralSecurityException {
        return switch (alg) {
            case -7 -> Signature.getInstance("SHA256withECDSAinP1363Format");
            case -35 -> Signature.getInstance("SHA384withECDSAinP1363Format");
            case -36 -> Signature.getInstance("SHA512withECDSAinP1363Format");
            case -8 -> Signature.getInstance("Ed25519");
            case -37 -> pss("SHA-256", MGF1ParameterSpec.SHA256, 32);
            case -38 -> pss("SHA-384", MGF1ParameterSpec.SHA384, 48);
            case -39 -> pss("SHA-512", MGF1ParameterSpec.SHA512, 64);
            default -> null;
        };
    }

    private static Signature pss(String digest, MGF1ParameterSpec mgf, int salt) throws GeneralSecurityException {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new PSSParameterSpec(digest, "MGF1", mgf, salt, 1));
        return s;
    }

    /** The COSE Sig_structure for a Sign1 message with empty external data and a detached payload. */
    static byte[] sigStructure(byte[] protectedBytes, byte[] payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = ((CBORFactory) CBOR.getFactory()).createGenerator(out)) {
            g.writeStartArray(null, 4);
            g.writeString("Signature1");
            g.writeBinary(protectedBytes);
            g.writeBinary(new byte[0]);
            g.writeBinary(payload);
            g.writeEndArray();
        }
        return out.toByteArray();
    }
}
