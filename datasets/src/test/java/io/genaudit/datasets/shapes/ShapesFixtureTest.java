package io.genaudit.datasets.shapes;

import io.genaudit.datasets.BuiltInDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ShapesFixtureTest {
    @Test
    void sameSeedSamePixelsOtherSeedOtherPixels() {
        ShapesSpec spec = ShapesSpec.balanced(20);
        List<ShapeSample> a = new ShapesRenderer(spec, 7).renderAll();
        List<ShapeSample> b = new ShapesRenderer(spec, 7).renderAll();
        List<ShapeSample> c = new ShapesRenderer(spec, 8).renderAll();
        int differ = 0;
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(a.get(i).toChw(), b.get(i).toChw());
            assertEquals(a.get(i).csvRow(), b.get(i).csvRow());
            if (!Arrays.equals(a.get(i).toChw(), c.get(i).toChw())) differ++;
        }
        assertEquals(20, differ);
        // any range renders the same images as the whole
        assertArrayEquals(a.get(13).toChw(), new ShapesRenderer(spec, 7).render(13, 14).get(0).toChw());
    }

    @Test
    void proportionsFollowTheWeights() {
        List<ShapeSample> s = new ShapesRenderer(ShapesSpec.balanced(3000).withColourWeights(0.7, 0.15, 0.15), 1).renderAll();
        int[] colours = new int[3], shapes = new int[3], sizes = new int[2];
        for (ShapeSample x : s) {
            colours[x.colour()]++;
            shapes[x.shape()]++;
            sizes[x.size()]++;
        }
        // binomial sd for p=0.7, n=3000 is ~25; allow 4 sd
        assertEquals(2100, colours[0], 100);
        assertEquals(450, colours[1], 80);
        for (int k = 0; k < 3; k++) assertEquals(1000, shapes[k], 110);
        assertEquals(1500, sizes[0], 110);
        // a zero weight never occurs
        for (ShapeSample x : new ShapesRenderer(ShapesSpec.balanced(300).withShapeWeights(0, 1, 1), 2).renderAll()) {
            assertNotEquals(0, x.shape());
        }
    }

    @Test
    void shapeIsDrawnInItsColourAtItsPosition() {
        for (ShapeSample s : new ShapesRenderer(ShapesSpec.balanced(60), 3).renderAll()) {
            int rgb = s.image().getRGB(s.x(), s.y());
            int[] c = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
            int max = 0;
            for (int k = 1; k < 3; k++) if (c[k] > c[max]) max = k;
            assertEquals(s.colour(), max, "centre pixel of image " + s.index() + " " + Arrays.toString(c));
            int corner = s.image().getRGB(0, 0);
            assertTrue(((corner >> 16) & 0xff) > 170 && ((corner >> 8) & 0xff) > 170, "light background");
        }
    }

    @Test
    void materializesFolderWithLabelsAndIsRegistered(@TempDir Path tmp) throws Exception {
        assertTrue(BuiltInDatasets.all().keySet().containsAll(List.of("shapes", "shapes-skewed", "shapes-small")));
        Path folder = BuiltInDatasets.materialize("shapes-small", 5, tmp);
        List<String> lines = Files.readAllLines(folder.resolve("labels.csv"));
        assertEquals("file,shape,colour,size,x,y", lines.get(0));
        assertEquals(201, lines.size());
        assertEquals(200, Files.list(folder).filter(p -> p.toString().endsWith(".png")).count());
        BufferedImage img = ImageIO.read(folder.resolve("00007.png").toFile());
        assertEquals(32, img.getWidth());
        ShapeSample s7 = new ShapesRenderer(ShapesSpec.balanced(200), 5).render(7);
        assertEquals(s7.csvRow(), lines.get(8));
        assertEquals(s7.image().getRGB(10, 20), img.getRGB(10, 20));
        // second call reuses the folder
        long before = Files.getLastModifiedTime(folder.resolve("labels.csv")).toMillis();
        assertEquals(folder, BuiltInDatasets.materialize("shapes-small", 5, tmp));
        assertEquals(before, Files.getLastModifiedTime(folder.resolve("labels.csv")).toMillis());
    }

    @Test
    void rejectsBadSpecs() {
        assertThrows(IllegalArgumentException.class, () -> ShapesSpec.balanced(10).withColourWeights(1, 1));
        assertThrows(IllegalArgumentException.class, () -> ShapesSpec.balanced(10).withColourWeights(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ShapesSpec.balanced(0));
    }
}
