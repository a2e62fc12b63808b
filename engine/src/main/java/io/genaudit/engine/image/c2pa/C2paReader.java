package io.genaudit.engine.image.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import io.genaudit.engine.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the active C2PA manifest of a PNG or JPEG file: claim generator, the digital source type of its actions
 * assertion, the claim signature ({@link CoseSign1Verifier}) and the {@code c2pa.hash.data} hard binding. Assertion
 * hashes listed in the claim are not re-checked, nor are timestamps, revocation or trust lists.
 */
public final class C2paReader {
    private C2paReader() {
    }

    /** Reads {@code file}; an unreadable file is an {@link InputException}, a malformed manifest is reported in the result. */
    public static C2paManifest read(Path file) {
        try {
            return read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InputException(String.valueOf(file), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads the manifest of an image held in memory. */
    public static C2paManifest read(byte[] image) {
        byte[] store;
        try {
            store = ManifestStoreLocator.find(image);
        } catch (C2paFormatException e) {
            return C2paManifest.NONE; // a broken container is the image reader's business; no manifest was found
        }
        if (store == null) return C2paManifest.NONE;
        try {
            return fromStore(store, image);
        } catch (C2paFormatException e) {
            return C2paManifest.malformed(e.getMessage());
        }
    }

    private static C2paManifest fromStore(byte[] store, byte[] image) {
        List<JumbfBox> top = JumbfBox.parseAll(store, 0, store.length);
        if (top.size() != 1 || !top.get(0).isSuperbox("c2pa")) throw new C2paFormatException("the manifest store is not one JUMBF superbox of type c2pa");
        List<JumbfBox> manifests = top.get(0).children().stream().filter(b -> b.isSuperbox("c2ma") || b.isSuperbox("c2um")).toList();
        if (manifests.isEmpty()) throw new C2paFormatException("the manifest store holds no manifest");
        JumbfBox active = manifests.get(manifests.size() - 1);
        JumbfBox claimBox = active.child("c2pa.claim").orElseThrow(() -> new C2paFormatException("the manifest has no c2pa.claim box"));
        byte[] claimBytes = claimBox.content("cbor").orElseThrow(() -> new C2paFormatException("the c2pa.claim box has no CBOR content"));
        JsonNode claim = cbor(claimBytes, "c2pa.claim");
        JumbfBox assertions = active.child("c2pa.assertions").orElse(null);
        String sourceType = assertions == null ? null : sourceType(assertions);
        CoseSign1Verifier.Result sig = active.child("c2pa.signature").flatMap(s -> s.content("cbor"))
                .map(cose -> CoseSign1Verifier.verify(cose, claimBytes))
                .orElse(new CoseSign1Verifier.Result(SignatureStatus.MALFORMED, CertificateTrust.NONE, null, "the manifest has no c2pa.signature box"));
        HashCheck binding = assertions == null ? HashCheck.NOT_CHECKED : hardBinding(assertions, claim, image);
        HashCheck assertionHashes = assertionHashes(claim, assertions);
        String problem = sig.status() != SignatureStatus.VALID ? sig.detail()
                : assertionHashes == HashCheck.MISMATCH ? "an assertion differs from the hash in the signed claim"
                : binding == HashCheck.MISMATCH ? "the file differs from the c2pa.hash.data hash" : null;
        return new C2paManifest(true, generator(claim), sourceType, sig.status(), sig.trust(), sig.signer(), binding,
                assertionHashes, problem);
    }

    private static JsonNode cbor(byte[] b, String what) {
        try {
            JsonNode n = CoseSign1Verifier.CBOR.readTree(b);
            if (n == null || !n.isObject()) throw new C2paFormatException(what + " is not a CBOR map");
            return n;
        } catch (IOException e) {
            throw new C2paFormatException(what + " is not CBOR: " + e.getMessage());
        }
    }

    private static String generator(JsonNode claim) {
        if (claim.path("claim_generator").isTextual()) return claim.get("claim_generator").asText();
        JsonNode info = claim.path("claim_generator_info");
        if (info.isArray()) info = info.path(0);
        if (!info.path("name").isTextual()) return null;
        return info.path("version").isTextual() ? info.get("name").asText() + "/" + info.get("version").asText() : info.get("name").asText();
    }

    private static String sourceType(JumbfBox assertions) {
        for (JumbfBox a : assertions.children()) {
            String l = a.label();
            boolean actions = l != null && (l.equals("c2pa.actions") || l.startsWith("c2pa.actions.") || l.startsWith("c2pa.actions__"));
            if (!actions) continue;
            byte[] content = a.content("cbor").orElse(null);
            if (content == null) continue;
            for (JsonNode action : cbor(content, a.label()).path("actions")) {
                if (action.path("digitalSourceType").isTextual()) return action.get("digitalSourceType").asText();
            }
        }
        return null;
    }

    /** Checks every assertion the claim lists (v1 {@code assertions}, v2 {@code created_/gathered_assertions}). */
    private static HashCheck assertionHashes(JsonNode claim, JumbfBox store) {
        List<JsonNode> refs = new java.util.ArrayList<>();
        for (String key : List.of("assertions", "created_assertions", "gathered_assertions")) claim.path(key).forEach(refs::add);
        if (refs.isEmpty()) return HashCheck.NOT_CHECKED;
        String claimAlg = claim.path("alg").asText("sha256");
        for (JsonNode ref : refs) {
            String url = ref.path("url").asText("");
            String label = url.substring(url.lastIndexOf('/') + 1);
            JumbfBox box = store == null ? null : store.children().stream().filter(b -> label.equals(b.label())).findFirst().orElse(null);
            byte[] want;
            try {
                want = ref.path("hash").binaryValue();
            } catch (IOException e) {
                want = null;
            }
            if (box == null || want == null) return HashCheck.MISMATCH;
            byte[] got = digest(ref.path("alg").asText(claimAlg), "assertion " + label).digest(box.payload());
            if (!Arrays.equals(got, want)) return HashCheck.MISMATCH;
        }
        return HashCheck.MATCH;
    }

    private static MessageDigest digest(String alg, String what) {
        try {
            return MessageDigest.getInstance(switch (alg) {
                case "sha256" -> "SHA-256";
                case "sha384" -> "SHA-384";
                case "sha512" -> "SHA-512";
                default -> throw new C2paFormatException(what + " uses unknown hash algorithm '" + alg + "'");
            });
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HashCheck hardBinding(JumbfBox assertions, JsonNode claim, byte[] image) {
        byte[] content = assertions.child("c2pa.hash.data").flatMap(a -> a.content("cbor")).orElse(null);
        if (content == null) return HashCheck.NOT_CHECKED;
        JsonNode h = cbor(content, "c2pa.hash.data");
        String alg = h.path("alg").isTextual() ? h.get("alg").asText() : claim.path("alg").asText("sha256");
        MessageDigest md = digest(alg, "c2pa.hash.data");
        long pos = 0;
        List<long[]> ranges = new java.util.ArrayList<>();
        for (JsonNode x : h.path("exclusions")) ranges.add(new long[]{x.path("start").asLong(-1), x.path("length").asLong(-1)});
        ranges.sort(java.util.Comparator.comparingLong(r -> r[0]));
        for (long[] r : ranges) {
            if (r[0] < pos || r[1] < 0 || r[0] + r[1] > image.length) throw new C2paFormatException("c2pa.hash.data exclusion [" + r[0] + ", +" + r[1] + ") is outside the file or overlaps another");
            md.update(image, (int) pos, (int) (r[0] - pos));
            pos = r[0] + r[1];
        }
        md.update(image, (int) pos, (int) (image.length - pos));
        byte[] want;
        try {
            want = h.path("hash").binaryValue();
        } catch (IOException e) {
            want = null;
        }
        if (want == null) throw new C2paFormatException("c2pa.hash.data has no hash byte string");
        return Arrays.equals(md.digest(), want) ? HashCheck.MATCH : HashCheck.MISMATCH;
    }
}
