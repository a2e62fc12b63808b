package io.genaudit.engine.image;

import io.genaudit.engine.InputException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Whether an image file declares itself synthetic: an IPTC digital source type of a trained or algorithmic model in
 * XMP (PNG iTXt/tEXt/zTXt chunks or a JPEG APP1 XMP segment), or genaudit's {@code genaudit:synthetic} PNG text key.
 *
 * @param synthetic         true when a mark was found
 * @param digitalSourceType the IPTC digital source type URI found, or null
 * @param where             where the mark was found (e.g. "PNG iTXt XML:com.adobe.xmp"), or null
 */
public record SyntheticMark(boolean synthetic, String digitalSourceType, String where) {
    private static final Pattern SOURCE_TYPE = Pattern.compile(
            "DigitalSourceType(?:>|=\"|\\s*=\\s*')\\s*(http://cv\\.iptc\\.org/newscodes/digitalsourcetype/[A-Za-z]+)");

    /** IPTC source types that mean "made by a model" (fully or partly). */
    public static boolean isSyntheticSourceType(String uri) {
        if (uri == null) return false;
        String t = uri.substring(uri.lastIndexOf('/') + 1);
        return t.equals("trainedAlgorithmicMedia") || t.equals("compositeWithTrainedAlgorithmicMedia")
                || t.equals("algorithmicMedia") || t.equals("compositeSynthetic");
    }

    private static final SyntheticMark NONE = new SyntheticMark(false, null, null);

    /** Reads the mark of a PNG or JPEG file; other formats have none. */
    public static SyntheticMark read(Path file) {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(String.valueOf(file), "cannot read: " + e.getMessage(), e);
        }
        return read(b, String.valueOf(file));
    }

    /** Reads the mark of PNG or JPEG bytes; {@code name} names them in errors. */
    public static SyntheticMark read(byte[] b, String name) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return fromPng(b, name);
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) return fromJpeg(b);
        return NONE;
    }

    private static SyntheticMark fromPng(byte[] b, String file) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        int pos = 8;
        SyntheticMark textMark = null;
        while (pos + 12 <= b.length) {
            int len = buf.getInt(pos);
            if (len < 0 || pos + 12L + len > b.length) throw new InputException(file, "truncated PNG chunk at byte " + pos);
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int data = pos + 8;
            if (type.equals("tEXt") || type.equals("iTXt") || type.equals("zTXt")) {
                int nul = data;
                while (nul < data + len && b[nul] != 0) nul++;
                String key = new String(b, data, nul - data, StandardCharsets.ISO_8859_1);
                String text = text(type, b, nul + 1, data + len);
                if (text != null) {
                    Matcher m = SOURCE_TYPE.matcher(text);
                    if (m.find() && isSyntheticSourceType(m.group(1))) {
                        return new SyntheticMark(true, m.group(1), "PNG " + type + " " + key);
                    }
                    if (key.equals(PngWriter.TEXT_KEY) && textMark == null) {
                        textMark = new SyntheticMark(true, text.contains("trainedAlgorithmicMedia")
                                ? PngWriter.TRAINED_ALGORITHMIC_MEDIA : null, "PNG " + type + " " + key);
                    }
                }
            }
            if (type.equals("IEND")) break;
            pos += 12 + len;
        }
        return textMark != null ? textMark : NONE;
    }

    /** The text of a tEXt/iTXt/zTXt chunk after its keyword, or null when compressed text cannot be inflated. */
    private static String text(String type, byte[] b, int from, int to) {
        if (from > to) return null;
        switch (type) {
            case "tEXt":
                return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
            case "zTXt":
                return inflate(b, from + 1, to, StandardCharsets.ISO_8859_1);
            default: {
                if (from + 2 > to) return null;
                boolean compressed = b[from] != 0;
                int p = from + 2;
                for (int skip = 0; skip < 2; skip++) { // language tag, translated keyword
                    while (p < to && b[p] != 0) p++;
                    p++;
                }
                if (p > to) return null;
                return compressed ? inflate(b, p, to, StandardCharsets.UTF_8) : new String(b, p, to - p, StandardCharsets.UTF_8);
            }
        }
    }

    private static String inflate(byte[] b, int from, int to, java.nio.charset.Charset cs) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(b, from, to - from);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] tmp = new byte[4096];
            while (!inf.finished()) {
                int n = inf.inflate(tmp);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) break;
                out.write(tmp, 0, n);
                if (out.size() > (16 << 20)) break;
            }
            return out.toString(cs);
        } catch (DataFormatException e) {
            return null;
        } finally {
            inf.end();
        }
    }

    private static SyntheticMark fromJpeg(byte[] b) {
        int pos = 2;
        while (pos + 4 <= b.length) {
            if ((b[pos] & 0xff) != 0xFF) return NONE;
            int marker = b[pos + 1] & 0xff;
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                pos += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) return NONE; // start of scan: no more metadata
            int len = ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
            int data = pos + 4, end = Math.min(b.length, pos + 2 + len);
            if (marker == 0xE1 && end > data) {
                String seg = new String(b, data, end - data, StandardCharsets.UTF_8);
                if (seg.startsWith("http://ns.adobe.com/xap/1.0/")) {
                    Matcher m = SOURCE_TYPE.matcher(seg);
                    if (m.find() && isSyntheticSourceType(m.group(1))) return new SyntheticMark(true, m.group(1), "JPEG APP1 XMP");
                }
            }
            pos += 2 + len;
        }
        return NONE;
    }
}
