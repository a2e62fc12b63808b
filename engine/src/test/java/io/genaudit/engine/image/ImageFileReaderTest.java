package io.genaudit.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The image reader on the files made by fixtures/images/make_hostile_images.py: colour layouts converted as Pillow's
 * {@code convert("RGB")} reads them (numbers in reference.json), EXIF orientation applied as Pillow's
 * {@code exif_transpose}, and every hostile file refused with a message naming it.
 */
class ImageFileReaderTest {
    @TempDir
    Path tmp;

    static Path res(String name) {
        try {
            return Path.of(ImageFileReaderTest.class.getResource("/images/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode reference() throws IOException {
        return new ObjectMapper().readTree(res("reference.json").toFile());
    }

    private static float[] planes(String name) {
        return BufferedImages.fromBufferedImage(ImageFileReader.read(res(name)), 3).data();
    }

    @Test
    void colourLayoutsMatchPillowsRgbConversion() throws IOException {
        JsonNode ref = reference();
        for (String name : new String[]{"rgba.png", "grey-alpha.png", "palette.png", "lossless.webp", "rgb.tif", "png-named.jpg"}) {
            JsonNode rows = ref.get(name);
            int h = rows.size(), w = rows.get(0).size();
            float[] d = planes(name);
            assertEquals(3 * h * w, d.length, name);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(rows.get(y).get(x).get(c).asInt() / 255f, d[c * h * w + y * w + x], 1e-6f, name + " at " + x + "," + y + "," + c);
                    }
                }
            }
        }
    }

    @Test
    void sixteenBitSamplesKeepTheirPrecision() throws IOException {
        JsonNode ref = reference();
        JsonNode g = ref.get("grey16.png");
        float[] grey = BufferedImages.fromBufferedImage(ImageFileReader.read(res("grey16.png")), 1).data();
        int w = g.get(0).size();
        for (int y = 0; y < g.size(); y++) {
            for (int x = 0; x < w; x++) assertEquals(g.get(y).get(x).asInt() / 65535f, grey[y * w + x], 1e-7f);
        }
        JsonNode c = ref.get("rgb16.png");
        float[] rgb = planes("rgb16.png");
        int h = c.size();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < 3; k++) assertEquals(c.get(y).get(x).get(k).asInt() / 65535f, rgb[k * h * w + y * w + x], 1e-7f);
            }
        }
    }

    @Test
    void cmykIsConvertedToRgb() {
        for (String name : new String[]{"cmyk.jpg", "cmyk.tif"}) {
            BufferedImage img = ImageFileReader.read(res(name));
            int[][] expected = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {0, 0, 0}};
            int[][] at = {{3, 3}, {12, 3}, {3, 12}, {12, 12}};
            for (int i = 0; i < 4; i++) {
                int p = img.getRGB(at[i][0], at[i][1]);
                int[] got = {(p >> 16) & 255, (p >> 8) & 255, p & 255};
                for (int k = 0; k < 3; k++) {
                    // the dominant channels, not exact values: device CMYK has no single sRGB rendering
                    assertEquals(expected[i][k] > 128, got[k] > 128, name + " block " + i + " channel " + k + ": " + java.util.Arrays.toString(got));
                }
            }
        }
    }

    @Test
    void exifOrientationIsHonouredLikePillowsExifTranspose() throws IOException {
        JsonNode ref = reference();
        assertEquals(1, ExifOrientation.read(res("exif1.jpg")));
        assertEquals(6, ExifOrientation.read(res("exif6.jpg")));
        assertEquals(8, ExifOrientation.read(res("exif8.jpg")));
        for (String name : new String[]{"exif1.jpg", "exif6.jpg", "exif8.jpg"}) {
            ImageFileReader.Header h = ImageFileReader.header(res(name));
            BufferedImage img = ImageFileReader.read(res(name));
            assertEquals(ref.get(name).get("width").asInt(), h.width(), name);
            assertEquals(ref.get(name).get("height").asInt(), h.height(), name);
            assertEquals(h.width(), img.getWidth(), name);
            assertEquals(h.height(), img.getHeight(), name);
        }
        // stored: red block top-left; 6 = rotate 90 clockwise -> top-right; 8 = counter-clockwise -> bottom-left
        assertTrue(red(ImageFileReader.read(res("exif1.jpg")), 2, 2));
        BufferedImage six = ImageFileReader.read(res("exif6.jpg"));
        assertTrue(red(six, six.getWidth() - 3, 2) && !red(six, 2, 2) && !red(six, 2, six.getHeight() - 3));
        BufferedImage eight = ImageFileReader.read(res("exif8.jpg"));
        assertTrue(red(eight, 2, eight.getHeight() - 3) && !red(eight, 2, 2) && !red(eight, eight.getWidth() - 3, 2));
    }

    private static boolean red(BufferedImage img, int x, int y) {
        int p = img.getRGB(x, y);
        return ((p >> 16) & 255) > 128 && (p & 255) < 128;
    }

    private static String refused(Path f) {
        InputException e = assertThrows(InputException.class, () -> ImageFileReader.read(f), f.toString());
        assertTrue(e.getMessage().contains(f.getFileName().toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void hostileFilesAreRefusedNamingTheFile() {
        assertTrue(refused(res("empty.png")).contains("empty file"));
        assertTrue(refused(res("not-an-image.png")).contains("no decoder recognises"));
        assertTrue(refused(res("truncated.png")).contains("truncated"));
        assertTrue(refused(res("truncated.jpg")).contains("truncated"));
        String huge = refused(res("huge-header.png"));
        assertTrue(huge.contains("20000x20000") && huge.contains("above the limit"), huge);
        InputException h = assertThrows(InputException.class, () -> ImageFileReader.header(res("huge-header.png")));
        assertTrue(h.getMessage().contains(ImageFileReader.MAX_PIXELS_PROPERTY), h.getMessage());
    }

    @Test
    void thePixelBudgetIsConfigurable() {
        String old = System.getProperty(ImageFileReader.MAX_PIXELS_PROPERTY);
        try {
            System.setProperty(ImageFileReader.MAX_PIXELS_PROPERTY, "100");
            assertEquals(100, ImageFileReader.maxPixels());
            assertEquals(7, ImageFileReader.read(res("rgba.png")).getWidth()); // 7x5 = 35 pixels: under the budget
            assertTrue(refused(res("exif6.jpg")).contains("above the limit of 100 pixels")); // 16x24 = 384: over it
            System.setProperty(ImageFileReader.MAX_PIXELS_PROPERTY, "lots");
            assertThrows(InputException.class, ImageFileReader::maxPixels);
        } finally {
            if (old == null) System.clearProperty(ImageFileReader.MAX_PIXELS_PROPERTY);
            else System.setProperty(ImageFileReader.MAX_PIXELS_PROPERTY, old);
        }
    }

    @Test
    void aFolderWithAHostileFileFailsAtOpenNamingIt() throws IOException {
        Path dir = tmp.resolve("imgs");
        Files.createDirectories(dir);
        Files.copy(res("rgba.png"), dir.resolve("a.png"));
        Files.copy(res("huge-header.png"), dir.resolve("b.png"));
        InputException e = assertThrows(InputException.class, () -> ImageFolderSource.open(dir));
        assertTrue(e.getMessage().contains("b.png") && e.getMessage().contains("above the limit"), e.getMessage());
        Files.delete(dir.resolve("b.png"));
        Files.copy(res("lossless.webp"), dir.resolve("c.webp"));
        Files.copy(res("rgb.tif"), dir.resolve("d.tif"));
        ImageFolderSource src = ImageFolderSource.open(dir);
        assertEquals(3, src.size());
        assertTrue(src.describe().contains("1 PNG + 1 TIF + 1 WEBP"), src.describe());
        int n = 0;
        for (var it = src.batches(2); it.hasNext(); ) n += it.next().n();
        assertEquals(3, n);
    }
}
