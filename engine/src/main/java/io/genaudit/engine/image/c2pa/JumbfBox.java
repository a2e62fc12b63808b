package io.genaudit.engine.image.c2pa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One JUMBF box (ISO/IEC 19566-5) as C2PA uses it: a {@code jumb} superbox has a description box ({@code jumd}: type
 * UUID and label) followed by child boxes; any other box is a content box whose payload is kept as bytes.
 *
 * @param type     the four-character box type ("jumb", "cbor", "json", ...)
 * @param uuid     the superbox's type UUID from its description box (16 bytes), or null for content boxes
 * @param label    the superbox's label, or null
 * @param payload  the box payload after its header (for a superbox: the description box and the children)
 * @param children the child boxes of a superbox after its description box (empty for content boxes)
 */
public record JumbfBox(String type, byte[] uuid, String label, byte[] payload, List<JumbfBox> children) {
    private static final int MAX_DEPTH = 16;

    /** Parses every box in {@code b[from, to)}; throws {@link C2paFormatException} on a malformed layout. */
    public static List<JumbfBox> parseAll(byte[] b, int from, int to) {
        return parseAll(b, from, to, 0);
    }

    private static List<JumbfBox> parseAll(byte[] b, int from, int to, int depth) {
        if (depth > MAX_DEPTH) throw new C2paFormatException("JUMBF boxes nested deeper than " + MAX_DEPTH);
        List<JumbfBox> out = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.wrap(b);
        int pos = from;
        while (pos + 8 <= to) {
            long size = buf.getInt(pos) & 0xffffffffL;
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                if (pos + 16 > to) throw new C2paFormatException("truncated JUMBF box header at byte " + pos);
                size = buf.getLong(pos + 8);
                header = 16;
            } else if (size == 0) {
                size = to - pos;
            }
            if (size < header || pos + size > to) throw new C2paFormatException("JUMBF box '" + type + "' at byte " + pos + " claims " + size + " bytes, only " + (to - pos) + " left");
            int end = (int) (pos + size);
            out.add(type.equals("jumb") ? superbox(b, pos + header, end, depth) : new JumbfBox(type, null, null, java.util.Arrays.copyOfRange(b, pos + header, end), List.of()));
            pos = end;
        }
        if (pos != to) throw new C2paFormatException((to - pos) + " stray bytes after the last JUMBF box");
        return out;
    }

    private static JumbfBox superbox(byte[] b, int from, int to, int depth) {
        List<JumbfBox> inner = parseAll(b, from, to, depth + 1);
        if (inner.isEmpty() || !inner.get(0).type().equals("jumd")) throw new C2paFormatException("JUMBF superbox without a description box");
        byte[] d = inner.get(0).payload();
        if (d.length < 17) throw new C2paFormatException("JUMBF description box shorter than 17 bytes");
        String label = null;
        if ((d[16] & 0x02) != 0) {
            int nul = 17;
            while (nul < d.length && d[nul] != 0) nul++;
            label = new String(d, 17, nul - 17, StandardCharsets.UTF_8);
        }
        return new JumbfBox("jumb", java.util.Arrays.copyOf(d, 16), label, java.util.Arrays.copyOfRange(b, from, to),
                List.copyOf(inner.subList(1, inner.size())));
    }

    /** True when this is a superbox whose type UUID starts with the four ASCII characters {@code tag} (C2PA's scheme). */
    public boolean isSuperbox(String tag) {
        return uuid != null && new String(uuid, 0, 4, StandardCharsets.ISO_8859_1).equals(tag);
    }

    /** The first child superbox whose label equals {@code label} or starts with {@code label + "."}/{@code "__"}. */
    public Optional<JumbfBox> child(String label) {
        return children.stream().filter(c -> c.label() != null && (c.label().equals(label)
                || c.label().startsWith(label + ".v") || c.label().startsWith(label + "__"))).findFirst();
    }

    /** The payload of the first content box of type {@code contentType} ("cbor", "json") in this superbox. */
    public Optional<byte[]> content(String contentType) {
        return children.stream().filter(c -> c.type().equals(contentType)).map(JumbfBox::payload).findFirst();
    }
}
