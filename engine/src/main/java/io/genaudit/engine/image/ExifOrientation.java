package io.genaudit.engine.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The EXIF orientation tag (0x0112, values 1-8) of a JPEG (APP1 "Exif"), PNG ({@code eXIf} chunk), WebP (RIFF
 * {@code EXIF} chunk) or TIFF file, and the transform that turns the stored pixels upright, as camera viewers (and
 * Pillow's {@code ImageOps.exif_transpose}) show them. Files without the tag, or with a damaged EXIF block, read as 1
 * (stored pixels are upright): a broken tag must never make an image unreadable.
 */
public final class ExifOrientation {
    /** Upright: the pixels are stored as they are shown. */
    public static final int NORMAL = 1;
    private static final int MAX_SCAN = 1 << 20;

    private ExifOrientation() {
    }

    /** Whether orientation {@code o} swaps width and height (5-8: a quarter turn). */
    public static boolean swapsAxes(int o) {
        return o >= 5 && o <= 8;
    }

    /** The orientation tag of {@code file}, or 1 when it has none. */
    public static int read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = read(ch, 0, 12);
            if (head.remaining() < 12) return NORMAL;
            int b0 = head.get(0) & 0xff, b1 = head.get(1) & 0xff;
            if (b0 == 0xFF && b1 == 0xD8) return jpeg(ch);
            if (b0 == 0x89 && b1 == 'P') return png(ch);
            if ((b0 == 'I' && b1 == 'I') || (b0 == 'M' && b1 == 'M')) return tiff(read(ch, 0, MAX_SCAN));
            if (b0 == 'R' && b1 == 'I' && head.get(8) == 'W' && head.get(9) == 'E') return webp(ch);
            return NORMAL;
        } catch (IOException | RuntimeException e) {
            return NORMAL;
        }
    }

    private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) Math.max(0, Math.min(n, ch.size() - at)));
        while (b.hasRemaining() && ch.read(b, at + b.position()) > 0) {
            // keep reading until full or end of file
        }
        b.flip();
        return b;
    }

    private static int jpeg(FileChannel ch) throws IOException {
        long at = 2;
        while (at + 4 <= Math.min(ch.size(), MAX_SCAN)) {
            ByteBuffer m = read(ch, at, 4);
            if ((m.get(0) & 0xff) != 0xFF) return NORMAL;
            int marker = m.get(1) & 0xff;
            if (marker == 0xDA || marker == 0xD9) return NORMAL; // start of scan / end of image: no EXIF before the pixels
            int len = ((m.get(2) & 0xff) << 8) | (m.get(3) & 0xff);
            if (marker == 0xE1 && len > 8) {
                ByteBuffer seg = read(ch, at + 4, len - 2);
                if (seg.remaining() > 6 && "Exif".equals(ascii(seg, 0, 4)) && seg.get(4) == 0 && seg.get(5) == 0) {
                    return tiff(seg.position(6).slice());
                }
            }
            at += 2 + len;
        }
        return NORMAL;
    }

    private static int png(FileChannel ch) throws IOException {
        long at = 8;
        while (at + 8 <= ch.size()) {
            ByteBuffer h = read(ch, at, 8);
            long len = h.getInt(0) & 0xffffffffL;
            String type = ascii(h, 4, 4);
            if (type.equals("eXIf")) return tiff(read(ch, at + 8, (int) Math.min(len, MAX_SCAN)));
            if (type.equals("IDAT") || type.equals("IEND")) return NORMAL;
            at += 12 + len;
        }
        return NORMAL;
    }

    private static int webp(FileChannel ch) throws IOException {
        long at = 12;
        while (at + 8 <= ch.size()) {
            ByteBuffer h = read(ch, at, 8).order(ByteOrder.LITTLE_ENDIAN);
            String type = ascii(h, 0, 4);
            long len = h.getInt(4) & 0xffffffffL;
            if (type.equals("EXIF")) {
                ByteBuffer d = read(ch, at + 8, (int) Math.min(len, MAX_SCAN));
                if (d.remaining() > 6 && "Exif".equals(ascii(d, 0, 4))) d = d.position(6).slice();
                return tiff(d);
            }
            at += 8 + len + (len & 1);
        }
        return NORMAL;
    }

    /** Orientation from a TIFF-structured EXIF block (byte-order mark, magic 42, IFD0). */
    static int tiff(ByteBuffer block) {
        if (block.remaining() < 8) return NORMAL;
        ByteOrder order = block.get(block.position()) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer t = block.slice().order(order);
        if (t.getShort(2) != 42) return NORMAL;
        int ifd = t.getInt(4);
        if (ifd < 8 || ifd + 2 > t.limit()) return NORMAL;
        int entries = t.getShort(ifd) & 0xffff;
        for (int i = 0; i < entries; i++) {
            int e = ifd + 2 + 12 * i;
            if (e + 12 > t.limit()) return NORMAL;
            if ((t.getShort(e) & 0xffff) == 0x0112) {
                int type = t.getShort(e + 2) & 0xffff;
                int v = type == 3 ? t.getShort(e + 8) & 0xffff : type == 4 ? t.getInt(e + 8) : -1;
                return v >= 1 && v <= 8 ? v : NORMAL;
            }
        }
        return NORMAL;
    }

    private static String ascii(ByteBuffer b, int at, int n) {
        byte[] s = new byte[n];
        for (int i = 0; i < n; i++) s[i] = b.get(b.position() + at + i);
        return new String(s, StandardCharsets.ISO_8859_1);
    }

    /**
     * {@code img} turned upright for orientation {@code o} (2: mirror, 3: rotate 180, 4: flip, 5: transpose,
     * 6: rotate 90 clockwise, 7: transverse, 8: rotate 90 counter-clockwise); {@code img} itself for 1.
     */
    public static BufferedImage apply(BufferedImage img, int o) {
        if (o <= NORMAL || o > 8) return img;
        int w = img.getWidth(), h = img.getHeight();
        boolean swap = swapsAxes(o);
        int ow = swap ? h : w, oh = swap ? w : h;
        BufferedImage out = new BufferedImage(img.getColorModel(), img.getColorModel().createCompatibleWritableRaster(ow, oh),
                img.isAlphaPremultiplied(), null);
        var src = img.getRaster();
        var dst = out.getRaster();
        Object px = null;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dx, dy;
                switch (o) {
                    case 2 -> { dx = w - 1 - x; dy = y; }
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
                    case 4 -> { dx = x; dy = h - 1 - y; }
                    case 5 -> { dx = y; dy = x; }
                    case 6 -> { dx = h - 1 - y; dy = x; }
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
                    default -> { dx = y; dy = w - 1 - x; } // 8
                }
                px = src.getDataElements(x, y, px);
                dst.setDataElements(dx, dy, px);
            }
        }
        return out;
    }
}
