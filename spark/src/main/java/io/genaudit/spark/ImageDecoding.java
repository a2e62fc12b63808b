package io.genaudit.spark;

import io.genaudit.engine.InputException;
import io.genaudit.engine.image.BufferedImages;
import io.genaudit.engine.image.ImageFileReader;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.Resize;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes the encoded images of an {@link ImageBlock} into an {@link Images} batch exactly as a single JVM decodes
 * an image folder ({@code ImageFolderSource}): the engine's {@link ImageFileReader} (format from the content, pixel
 * budget, damage checks, EXIF orientation) on each image, then {@link BufferedImages#toPlanes}, or, when
 * {@code resize} is set, {@link Resize#resize} to {@code height x width} with bilinear float filtering (the real side
 * brought to the generated side's size, as the plan module does). The reader takes files, so each image passes
 * through a scratch file that is deleted at once.
 *
 * @param source   the table, for errors ("TABLE: row N: ...")
 * @param channels 1 or 3
 * @param height   target height
 * @param width    target width
 * @param resize   whether other sizes are resized (else they are errors naming the row)
 */
public record ImageDecoding(String source, int channels, int height, int width, boolean resize) implements Serializable {
    /** The header size (height, width) of one encoded image, as shown (EXIF orientation applied). */
    public static int[] size(String source, long row, byte[] image) {
        return withFile(source, row, image, f -> {
            ImageFileReader.Header h = ImageFileReader.header(f);
            return new int[]{h.height(), h.width()};
        });
    }

    /** The block's images as one batch [n, channels, height, width] in [0,1]. */
    public Images decode(ImageBlock block) {
        int size = channels * height * width;
        float[] data = new float[block.images().length * size];
        for (int i = 0; i < block.images().length; i++) {
            long row = block.firstRow() + i;
            BufferedImage img = withFile(source, row, block.images()[i], ImageFileReader::read);
            if (img.getHeight() == height && img.getWidth() == width) {
                BufferedImages.toPlanes(img, channels, data, i * size);
            } else if (resize) {
                Images r = Resize.resize(BufferedImages.fromBufferedImage(img, channels), height, width, Resize.Filter.BILINEAR, Resize.Precision.FLOAT);
                System.arraycopy(r.data(), 0, data, i * size, size);
            } else {
                throw new InputException(source, "row " + row + ": image is " + img.getWidth() + "x" + img.getHeight()
                        + " (WxH), expected " + width + "x" + height + " like row 0; the images of a table must share one size");
            }
        }
        return new Images(block.images().length, channels, height, width, data);
    }

    private interface FileJob<T> {
        T run(Path file);
    }

    /** Runs {@code job} on the image written to a scratch file; the reader's errors name the table and row instead. */
    private static <T> T withFile(String source, long row, byte[] image, FileJob<T> job) {
        Path f;
        try {
            f = Files.createTempFile("genaudit-image-", ".img");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch file for image decoding", e);
        }
        try {
            Files.write(f, image);
            return job.run(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a scratch file for image decoding", e);
        } catch (InputException e) {
            String msg = e.getMessage() == null ? "unreadable image" : e.getMessage().replace(f.toString() + ": ", "").replace(f.toString(), "the image");
            throw new InputException(source, "row " + row + ": " + msg, e);
        } finally {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // a scratch file left in the temp folder is harmless
            }
        }
    }
}
