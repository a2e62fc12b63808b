package io.genaudit.engine.image;

import io.genaudit.engine.InputException;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

/**
 * Reads one image file safely: the format is recognised from the content (not the extension), the dimensions come
 * from the header and are checked against the {@link #maxPixels() pixel budget} before any pixel is decoded, decoder
 * warnings (a truncated JPEG) are errors, and the EXIF orientation is applied. Every failure is an
 * {@link InputException} naming the file. PNG and JPEG through the JDK, JPEG (CMYK/YCCK too), WebP and TIFF
 * through the TwelveMonkeys ImageIO plugins.
 */
public final class ImageFileReader {
    /** System property that sets the pixel budget per image (width x height). */
    public static final String MAX_PIXELS_PROPERTY = "genaudit.image.maxPixels";
    /** Environment variable that sets the pixel budget when the system property is absent. */
    public static final String MAX_PIXELS_ENV = "GENAUDIT_MAX_IMAGE_PIXELS";
    /** Default pixel budget: 50 megapixels (an 8K frame is 33 MP; a 16000x16000 image is refused). */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    /** Decoder warnings that mean missing or corrupt pixel data (others, e.g. "no embedded ICC profile", are not errors). */
    private static final java.util.regex.Pattern DAMAGE = java.util.regex.Pattern.compile(
            "(?i)premature|corrupt|truncat|unexpected end|missing|invalid|bad huffman|extraneous");

    static {
        ImageIO.setUseCache(false); // no temp files while decoding
    }

    /**
     * What the header says.
     *
     * @param width       width as shown (after the EXIF orientation)
     * @param height      height as shown
     * @param format      the decoder's format name (png, jpeg, webp, tif)
     * @param orientation EXIF orientation, 1 when none
     */
    public record Header(int width, int height, String format, int orientation) {
    }

    private ImageFileReader() {
    }

    /** The pixel budget in force: {@value #MAX_PIXELS_PROPERTY}, else {@value #MAX_PIXELS_ENV}, else 50,000,000. */
    public static long maxPixels() {
        String v = System.getProperty(MAX_PIXELS_PROPERTY);
        String from = "-D" + MAX_PIXELS_PROPERTY;
        if (v == null) {
            v = System.getenv(MAX_PIXELS_ENV);
            from = MAX_PIXELS_ENV;
        }
        if (v == null || v.isBlank()) return DEFAULT_MAX_PIXELS;
        try {
            long n = Long.parseLong(v.trim().replace("_", ""));
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(from, "a positive number of pixels expected, got '" + v + "'");
    }

    /** Reads the header of {@code f} (no pixels decoded) and checks it against the pixel budget. */
    public static Header header(Path f) {
        return withReader(f, r -> checkedHeader(f, r));
    }

    /** Decodes {@code f} upright (EXIF orientation applied) after the header checks. */
    public static BufferedImage read(Path f) {
        return withReader(f, r -> {
            Header h = checkedHeader(f, r);
            IIOException[] warning = new IIOException[1];
            r.addIIOReadWarningListener((src, msg) -> {
                if (warning[0] == null && msg != null && DAMAGE.matcher(msg).find()) warning[0] = new IIOException(msg);
            });
            BufferedImage img = r.read(0);
            if (warning[0] != null) {
                throw new InputException(f, "damaged " + h.format() + " image (" + warning[0].getMessage().strip() + "); the file is probably truncated");
            }
            return ExifOrientation.apply(img, h.orientation());
        });
    }

    private interface ReaderJob<T> {
        T run(ImageReader r) throws IOException;
    }

    private static <T> T withReader(Path f, ReaderJob<T> job) {
        long size;
        try {
            size = Files.size(f);
        } catch (IOException e) {
            throw new InputException(f, "cannot read image file: " + e.getMessage());
        }
        if (size == 0) throw new InputException(f, "empty file (0 bytes), not an image");
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            if (in == null) throw new InputException(f, "cannot open image file");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InputException(f, "not a readable image: no decoder recognises its content (PNG, JPEG, WebP or TIFF expected)");
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in, true, true);
                return job.run(r);
            } finally {
                r.dispose();
            }
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("").strip();
            throw new InputException(String.valueOf(f), "not a readable image (" + msg + "); the file is damaged or truncated", e);
        }
    }

    private static Header checkedHeader(Path f, ImageReader r) throws IOException {
        int w = r.getWidth(0), h = r.getHeight(0);
        String format = r.getFormatName().toLowerCase(Locale.ROOT);
        long budget = maxPixels();
        if (w < 1 || h < 1) throw new InputException(f, "image header declares " + w + "x" + h + " pixels");
        if ((long) w * h > budget) {
            throw new InputException(f, String.format(Locale.ROOT, "image is %dx%d = %,d pixels, above the limit of %,d pixels per image "
                    + "(raise it with -D%s=N or %s=N; default %,d)", w, h, (long) w * h, budget, MAX_PIXELS_PROPERTY, MAX_PIXELS_ENV, DEFAULT_MAX_PIXELS));
        }
        int o = ExifOrientation.read(f);
        return ExifOrientation.swapsAxes(o) ? new Header(h, w, format, o) : new Header(w, h, format, o);
    }
}
