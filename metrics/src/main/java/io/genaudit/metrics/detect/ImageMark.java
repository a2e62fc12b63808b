package io.genaudit.metrics.detect;

import io.genaudit.engine.image.SyntheticMark;
import io.genaudit.engine.image.c2pa.C2paManifest;
import io.genaudit.engine.image.c2pa.C2paReader;

/**
 * The synthetic-origin marks of one image: IPTC XMP / genaudit PNG text ({@link SyntheticMark}) and the C2PA
 * manifest ({@link C2paReader}).
 *
 * @param file the file name
 */
public record ImageMark(String file, SyntheticMark xmp, C2paManifest c2pa) {

    /** Reads both kinds of mark from the image bytes. */
    public static ImageMark of(String file, byte[] bytes) {
        return new ImageMark(file, SyntheticMark.read(bytes, file), C2paReader.read(bytes));
    }

    /** True when the C2PA manifest declares a model-made digital source type. */
    public boolean c2paSynthetic() {
        return c2pa.present() && SyntheticMark.isSyntheticSourceType(c2pa.digitalSourceType());
    }

    /** True when either kind of mark says the image was made by a model. */
    public boolean marked() {
        return xmp.synthetic() || c2paSynthetic();
    }

    /** Where the marks were found, e.g. "C2PA manifest" or "PNG iTXt XML:com.adobe.xmp". */
    public java.util.List<String> where() {
        java.util.List<String> w = new java.util.ArrayList<>();
        if (xmp.synthetic()) w.add(xmp.where());
        if (c2paSynthetic()) w.add("C2PA manifest");
        return w;
    }
}
