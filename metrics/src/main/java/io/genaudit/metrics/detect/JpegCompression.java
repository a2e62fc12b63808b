package io.genaudit.metrics.detect;

import io.genaudit.engine.image.BufferedImages;
import io.genaudit.engine.image.Images;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.IntStream;

/** Re-encodes every image as a baseline JPEG at {@code quality} (1..100, javax.imageio's JPEG writer) and decodes it back. */
public record JpegCompression(int quality) implements Perturbation {
    public JpegCompression {
        if (quality < 1 || quality > 100) throw new IllegalArgumentException("JPEG quality must be in 1..100, got " + quality);
    }

    @Override
    public double strength() {
        return quality;
    }

    @Override
    public Images apply(Images batch, long seed) {
        float[] out = new float[batch.data().length];
        IntStream.range(0, batch.n()).parallel().forEach(i -> {
            BufferedImage decoded = roundTrip(BufferedImages.toBufferedImage(batch, i), quality);
            BufferedImages.toPlanes(decoded, batch.channels(), out, i * batch.imageSize());
        });
        return new Images(batch.n(), batch.channels(), batch.height(), batch.width(), out);
    }

    /** Encodes {@code img} at {@code quality} and decodes the bytes. */
    static BufferedImage roundTrip(BufferedImage img, int quality) {
        try {
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(encode(img, quality)));
            if (back == null) throw new IllegalStateException("JPEG decoder returned nothing");
            return back;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The baseline JPEG bytes of {@code img} at {@code quality} (javax.imageio, no metadata carried over). */
    static byte[] encode(BufferedImage img, int quality) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
