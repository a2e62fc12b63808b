package io.genaudit.audits.evidence;

import io.genaudit.engine.InputException;
import io.genaudit.engine.io.Sha256;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys and signatures through the JDK's own providers (no extra dependency), stored as PEM: the private key
 * as PKCS#8 ({@code BEGIN PRIVATE KEY}), the public key as X.509 SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}),
 * the same files {@code openssl genpkey -algorithm ed25519} writes. A key's id is the SHA-256 of its DER encoding.
 */
public final class Ed25519Keys {
    private static final String ALG = "Ed25519";
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private Ed25519Keys() {
    }

    /** A fresh key pair from the JDK's default secure random source. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALG).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519 key generator", e);
        }
    }

    /** PEM text of a private key (PKCS#8). */
    public static String privatePem(PrivateKey key) {
        return pem(PRIVATE, key.getEncoded());
    }

    /** PEM text of a public key (SubjectPublicKeyInfo). */
    public static String publicPem(PublicKey key) {
        return pem(PUBLIC, key.getEncoded());
    }

    /** The key id: lower-case hex SHA-256 of the public key's DER (SubjectPublicKeyInfo) bytes. */
    public static String keyId(PublicKey key) {
        return Sha256.of(key.getEncoded());
    }

    /** Reads a PEM private key file; a missing, malformed or non-Ed25519 file is an {@link InputException}. */
    public static PrivateKey readPrivate(Path file) {
        byte[] der = der(file, PRIVATE);
        try {
            return KeyFactory.getInstance(ALG).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InputException(file, "not an Ed25519 private key (PKCS#8 PEM expected): " + e.getMessage());
        }
    }

    /** Reads a PEM public key file; a missing, malformed or non-Ed25519 file is an {@link InputException}. */
    public static PublicKey readPublic(Path file) {
        return parsePublic(InputFile.read(file, "public key file not found", () -> Files.readString(file, StandardCharsets.UTF_8)), file.toString());
    }

    /** Parses PEM public key text; {@code source} names it in errors. */
    public static PublicKey parsePublic(String pemText, String source) {
        byte[] der = decodePem(pemText, PUBLIC, source);
        try {
            return KeyFactory.getInstance(ALG).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InputException(source, "not an Ed25519 public key (SubjectPublicKeyInfo PEM expected): " + e.getMessage());
        }
    }

    /** The Ed25519 signature (64 bytes, RFC 8032) of {@code message} under {@code key}. */
    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance(ALG);
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} is a valid Ed25519 signature of {@code message} under {@code key}. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALG);
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] der(Path file, String label) {
        return decodePem(InputFile.read(file, "key file not found", () -> Files.readString(file, StandardCharsets.UTF_8)), label, file.toString());
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] decodePem(String text, String label, String source) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) throw new InputException(source, "no '" + begin + "' block (PEM " + label.toLowerCase() + " expected)");
        try {
            return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e).strip());
        } catch (IllegalArgumentException ex) {
            throw new InputException(source, "the PEM block is not valid base64: " + ex.getMessage());
        }
    }
}
