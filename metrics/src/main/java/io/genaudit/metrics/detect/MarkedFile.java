package io.genaudit.metrics.detect;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.genaudit.engine.image.c2pa.C2paManifest;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The synthetic-origin findings of one generated file as plain values (what {@link ImageMark} read from its bytes):
 * the IPTC XMP / PNG text mark and the C2PA manifest's claim generator, source type, signature and hash checks.
 *
 * @param xmpMark where the XMP / PNG text mark was found, or null when there is none
 * @param where   every place a synthetic-origin mark was found
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MarkedFile(String file, boolean marked, List<String> where, String xmpMark, String xmpSourceType, boolean c2pa,
                         String claimGenerator, String c2paSourceType, String signature, String certificate, String signer,
                         String hashBinding, String assertionHashes, String problem, boolean validSignature) implements Serializable {
    public MarkedFile {
        where = List.copyOf(where);
    }

    /** The findings of {@code m}. */
    public static MarkedFile of(ImageMark m) {
        C2paManifest c = m.c2pa();
        return new MarkedFile(m.file(), m.marked(), m.where(), m.xmp().synthetic() ? m.xmp().where() : null, m.xmp().digitalSourceType(),
                c.present(), c.claimGenerator(), c.digitalSourceType(), lower(c.signature()), lower(c.trust()), c.signer(),
                lower(c.hardBinding()), lower(c.assertionHashes()), c.problem(), c.validSignature());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
