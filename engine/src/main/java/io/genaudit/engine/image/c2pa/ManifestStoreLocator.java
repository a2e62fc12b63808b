package io.genaudit.engine.image.c2pa;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the bytes of a C2PA manifest store (a JUMBF superbox) embedded in an image: the PNG {@code caBX} chunk, or
 * the JPEG APP11 (JPEG XT, common identifier "JP") segments of one box instance, reassembled in packet-sequence order
 * with the repeated box header dropped from continuation segments.
 */
public final class ManifestStoreLocator {
    private ManifestStoreLocator() {
    }

    /** The manifest store's bytes, or null when the file is not PNG/JPEG or carries none. */
    public static byte[] find(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return fromPng(b);
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) return fromJpeg(b);
        return null;
    }

    private static byte[] fromPng(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        int pos = 8;
        while (pos + 12 <= b.length) {
            int len = buf.getInt(pos);
            if (len < 0 || pos + 12L + len > b.length) throw new C2paFormatException("truncated PNG chunk at byte " + pos);
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("caBX")) return java.util.Arrays.copyOfRange(b, pos + 8, pos + 8 + len);
            if (type.equals("IEND")) break;
            pos += 12 + len;
        }
        return null;
    }

    private static byte[] fromJpeg(byte[] b) {
        // box instance number -> (packet sequence number -> segment payload after CI/En/Z)
        Map<Integer, TreeMap<Long, byte[]>> boxes = new TreeMap<>();
        int pos = 2;
        while (pos + 4 <= b.length) {
            if ((b[pos] & 0xff) != 0xFF) break;
            int marker = b[pos + 1] & 0xff;
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01 || marker == 0xFF) {
                pos += marker == 0xFF ? 1 : 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) break;
            int len = ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
            int data = pos + 4, end = pos + 2 + len;
            if (len < 2 || end > b.length) throw new C2paFormatException("truncated JPEG segment at byte " + pos);
            if (marker == 0xEB && end - data >= 8 + 8 && b[data] == 'J' && b[data + 1] == 'P') {
                int instance = ((b[data + 2] & 0xff) << 8) | (b[data + 3] & 0xff);
                long seq = ByteBuffer.wrap(b, data + 4, 4).getInt() & 0xffffffffL;
                byte[] part = java.util.Arrays.copyOfRange(b, data + 8, end);
                if (boxes.computeIfAbsent(instance, k -> new TreeMap<>()).put(seq, part) != null)
                    throw new C2paFormatException("JPEG APP11 box instance " + instance + " repeats packet sequence number " + seq);
            }
            pos = end;
        }
        for (TreeMap<Long, byte[]> parts : boxes.values()) {
            byte[] first = parts.firstEntry().getValue();
            if (new String(first, 4, 4, StandardCharsets.ISO_8859_1).equals("jumb")) return join(parts);
        }
        return null;
    }

    private static byte[] join(TreeMap<Long, byte[]> parts) {
        byte[] first = parts.firstEntry().getValue();
        boolean extended = ByteBuffer.wrap(first).getInt(0) == 1;
        int header = extended ? 16 : 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        parts.tailMap(parts.firstKey(), false).values().forEach(p -> {
            if (p.length < header) throw new C2paFormatException("JPEG APP11 continuation segment shorter than its box header");
            out.write(p, header, p.length - header);
        });
        return out.toByteArray();
    }
}
