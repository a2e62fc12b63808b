package io.genaudit.engine.image;

import io.genaudit.engine.InputException;
import io.genaudit.datasets.shapes.ShapeSample;
import io.genaudit.datasets.shapes.ShapesFixture;
import io.genaudit.datasets.shapes.ShapesRenderer;
import io.genaudit.datasets.shapes.ShapesSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ImageIoTest {
    @Test
    void folderSourceReadsShapesInNameOrderInBatches(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("s");
        ShapesFixture.write(ShapesSpec.balanced(10), 3, folder);
        ImageFolderSource src = ImageFolderSource.open(folder);
        assertEquals(10, src.size());
        assertTrue(src.describe().contains("10 PNG"), src.describe());
        List<ShapeSample> expected = new ShapesRenderer(ShapesSpec.balanced(10), 3).renderAll();
        int seen = 0;
        for (int pass = 0; pass < 2; pass++) {
            Iterator<Images> it = src.batches(4);
            int i = 0;
            int[] sizes = {4, 4, 2};
            int b = 0;
            while (it.hasNext()) {
                Images batch = it.next();
                assertEquals(sizes[b++], batch.n());
                for (int k = 0; k < batch.n(); k++, i++) {
                    assertArrayEquals(expected.get(i).toChw(), batch.slice(k, k + 1).data());
                    seen++;
                }
            }
        }
        assertEquals(20, seen);
        Images grey = ImageFolderSource.open(folder, 1).batches(10).next();
        assertEquals(1, grey.channels());
    }

    @Test
    void folderErrorsNameTheFile(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("labels.csv"), "x");
        InputException e1 = assertThrows(InputException.class, () -> ImageFolderSource.open(empty));
        assertTrue(e1.getMessage().contains("no images"), e1.getMessage());

        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("a.png"), "not a png");
        InputException e2 = assertThrows(InputException.class, () -> ImageFolderSource.open(bad));
        assertTrue(e2.getMessage().contains("a.png") && e2.getMessage().contains("not a readable"), e2.getMessage());

        Path mixed = Files.createDirectories(tmp.resolve("mixed"));
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", mixed.resolve("a.png").toFile());
        ImageIO.write(new BufferedImage(9, 8, BufferedImage.TYPE_INT_RGB), "png", mixed.resolve("b.png").toFile());
        InputException e3 = assertThrows(InputException.class, () -> ImageFolderSource.open(mixed));
        assertTrue(e3.getMessage().contains("b.png") && e3.getMessage().contains("9x8"), e3.getMessage());
        ImageFolderSource r = ImageFolderSource.resized(mixed, 3, 4, 4, Resize.Filter.BICUBIC, Resize.Precision.FLOAT);
        Images all = r.batches(5).next();
        assertEquals(2, all.n());
        assertEquals(4, all.height());

        InputException e4 = assertThrows(InputException.class, () -> ImageFolderSource.open(tmp.resolve("missing")));
        assertTrue(e4.getMessage().contains("missing"));
    }

    @Test
    void pngWriterMarksSyntheticOriginAndRoundTrips(@TempDir Path tmp) throws Exception {
        float[] d = new float[2 * 3 * 5 * 6];
        for (int i = 0; i < d.length; i++) d[i] = (i * 37 % 256) / 255f;
        Images batch = new Images(2, 3, 5, 6, d);
        assertEquals(2, PngWriter.writeAll(tmp, batch, "s", 0, "dcgan tiny seed 1"));
        Path f = tmp.resolve("s000001.png");
        SyntheticMark m = SyntheticMark.read(f);
        assertTrue(m.synthetic());
        assertEquals(PngWriter.TRAINED_ALGORITHMIC_MEDIA, m.digitalSourceType());
        assertEquals("PNG iTXt XML:com.adobe.xmp", m.where());
        // still a valid PNG with exactly the pixels written
        Images back = ImageFolderSource.open(tmp).batches(2).next();
        assertArrayEquals(d, back.data(), 1e-7f);
        String raw = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("genaudit:synthetic"));

        // an unmarked PNG and an unmarked JPEG carry no mark
        Path plain = tmp.resolve("plain.png");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", plain.toFile());
        assertFalse(SyntheticMark.read(plain).synthetic());
        Path jpg = tmp.resolve("plain.jpg");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "jpg", jpg.toFile());
        assertFalse(SyntheticMark.read(jpg).synthetic());

        // a JPEG with an XMP APP1 segment declaring the IPTC source type is recognised
        byte[] j = Files.readAllBytes(jpg);
        byte[] xmp = ("http://ns.adobe.com/xap/1.0/\0" + PngWriter.xmp("x")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] marked = new byte[j.length + 4 + xmp.length];
        marked[0] = (byte) 0xFF;
        marked[1] = (byte) 0xD8;
        marked[2] = (byte) 0xFF;
        marked[3] = (byte) 0xE1;
        marked[4] = (byte) ((xmp.length + 2) >> 8);
        marked[5] = (byte) (xmp.length + 2);
        System.arraycopy(xmp, 0, marked, 6, xmp.length);
        System.arraycopy(j, 2, marked, 6 + xmp.length, j.length - 2);
        Path mj = tmp.resolve("marked.jpg");
        Files.write(mj, marked);
        SyntheticMark jm = SyntheticMark.read(mj);
        assertTrue(jm.synthetic());
        assertEquals("JPEG APP1 XMP", jm.where());
        assertNotNull(ImageIO.read(mj.toFile()));
    }

    @Test
    void contactSheetLaysOutAGrid() throws Exception {
        float[] d = new float[5 * 3 * 4 * 4];
        java.util.Arrays.fill(d, 1f);
        Images batch = new Images(5, 3, 4, 4, d);
        BufferedImage sheet = ContactSheet.render(batch, 3, 2, 1);
        assertEquals(1 + 3 * (8 + 1), sheet.getWidth());
        assertEquals(1 + 2 * (8 + 1), sheet.getHeight());
        byte[] png = ContactSheet.png(batch, 3, "test");
        assertNotNull(ImageIO.read(new java.io.ByteArrayInputStream(png)));
    }

    @Test
    void inMemorySourceSlices() {
        Images b = new Images(3, 1, 2, 2, new float[12]);
        InMemoryImageSource s = new InMemoryImageSource(b, "three");
        Iterator<Images> it = s.batches(2);
        assertEquals(2, it.next().n());
        assertEquals(1, it.next().n());
        assertFalse(it.hasNext());
    }
}
