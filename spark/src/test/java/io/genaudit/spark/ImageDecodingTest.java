package io.genaudit.spark;

import io.genaudit.engine.InputException;
import io.genaudit.engine.image.Images;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decoding image bytes from a table (no Spark): pixels as the folder reader gives them, bad images named by table and row. */
class ImageDecodingTest {
    private static byte[] png(int w, int h, int rgb) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, rgb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void decodesPlanesAndResizesOnlyWhenAllowed() throws IOException {
        byte[] red = png(4, 3, 0xFF0000);
        assertEquals(3, ImageDecoding.size("t", 0, red)[0]);
        assertEquals(4, ImageDecoding.size("t", 0, red)[1]);
        Images b = new ImageDecoding("t", 3, 3, 4, false).decode(new ImageBlock(8, new byte[][]{red, red}));
        assertEquals(2, b.n());
        assertEquals(1f, b.data()[0]);              // R plane of image 0
        assertEquals(0f, b.data()[12]);             // G plane of image 0
        Images r = new ImageDecoding("t", 3, 6, 8, true).decode(new ImageBlock(0, new byte[][]{red}));
        assertEquals(6, r.height());
        InputException e = assertThrows(InputException.class, () -> new ImageDecoding("t.parquet", 3, 6, 8, false)
                .decode(new ImageBlock(16, new byte[][]{png(8, 6, 0), red})));
        assertTrue(e.getMessage().startsWith("t.parquet: row 17: image is 4x3"), e.getMessage());
    }

    @Test
    void damagedAndForeignBytesAreUserErrorsNamingTheRow() throws IOException {
        byte[] good = png(4, 3, 0x00FF00);
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        InputException e = assertThrows(InputException.class, () -> new ImageDecoding("s3a://b/gen.parquet", 3, 3, 4, false)
                .decode(new ImageBlock(40, new byte[][]{good, truncated})));
        assertTrue(e.getMessage().startsWith("s3a://b/gen.parquet: row 41: "), e.getMessage());
        assertTrue(!e.getMessage().contains("genaudit-image-"), "the scratch file is not named: " + e.getMessage());
        InputException text = assertThrows(InputException.class, () -> ImageDecoding.size("x.parquet", 0, "hello".getBytes()));
        assertTrue(text.getMessage().startsWith("x.parquet: row 0: "), text.getMessage());
    }
}
