package io.genaudit.engine.image;

import io.genaudit.engine.InputException;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A folder of PNG/JPEG/WebP/TIFF images read in file-name order (other files, such as labels.csv, are ignored), streamed
 * batch by batch so memory does not grow with the number of files. Every file's header is checked when the source is
 * opened ({@link ImageFileReader}: format from the content, EXIF orientation, pixel budget), so an unreadable file, an
 * empty folder or mixed sizes fail at once with an {@link InputException} naming the file. With {@link #resizedTo}
 * images of any size are resized with {@link Resize}.
 */
public final class ImageFolderSource implements ImageSource {
    private final Path folder;
    /** File names inside {@code folder} (not full paths: about 60 bytes per file, so a 50,000-file folder costs ~3 MB). */
    private final String[] names;
    private final int channels, height, width;
    private final Resize.Filter filter;
    private final Resize.Precision precision;

    private ImageFolderSource(Path folder, String[] names, int channels, int height, int width,
                              Resize.Filter filter, Resize.Precision precision) {
        this.folder = folder;
        this.names = names;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.filter = filter;
        this.precision = precision;
    }

    /** Opens {@code folder} as 3-channel RGB images that must all have the same size. */
    public static ImageFolderSource open(Path folder) {
        return open(folder, 3);
    }

    /** Opens {@code folder} with 1 (grey) or 3 (RGB) channels; all images must have the same size. */
    public static ImageFolderSource open(Path folder, int channels) {
        if (channels != 1 && channels != 3) throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        String[] names = list(folder);
        int[] first = header(folder.resolve(names[0]));
        for (String n : names) {
            Path f = folder.resolve(n);
            int[] hw = header(f);
            if (hw[0] != first[0] || hw[1] != first[1]) {
                throw new InputException(f, "image is " + hw[1] + "x" + hw[0] + " (WxH) but " + names[0]
                        + " is " + first[1] + "x" + first[0] + "; images in " + folder
                        + " must share one size, or set a resize target (e.g. resize: [32, 32])");
            }
        }
        return new ImageFolderSource(folder, names, channels, first[0], first[1], null, null);
    }

    /** Opens {@code folder} resizing every image to {@code height x width} (images may have mixed sizes). */
    public static ImageFolderSource resized(Path folder, int channels, int height, int width,
                                            Resize.Filter filter, Resize.Precision precision) {
        if (channels != 1 && channels != 3) throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        String[] names = list(folder);
        for (String n : names) header(folder.resolve(n));
        return new ImageFolderSource(folder, names, channels, height, width, filter, precision);
    }

    /** This folder resized to {@code height x width}. */
    public ImageFolderSource resizedTo(int height, int width, Resize.Filter filter, Resize.Precision precision) {
        return new ImageFolderSource(folder, names, channels, height, width, filter, precision);
    }

    private static String[] list(Path folder) {
        if (!Files.isDirectory(folder)) throw new InputException(folder, "not a folder of images (PNG, JPEG, WebP or TIFF expected)");
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            // names, not Paths, are kept and sorted (the same order for ASCII names), so listing 50,000 files stays small
            s.filter(ImageFolderSource::isImageName).filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new InputException(String.valueOf(folder), "cannot list folder: " + e.getMessage(), e);
        }
        if (files.isEmpty()) throw new InputException(folder, "folder holds no images (*.png, *.jpg, *.jpeg, *.webp, *.tif, *.tiff expected)");
        return files.toArray(new String[0]);
    }

    static boolean isImageName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.startsWith(".")) return false;
        for (String ext : EXTENSIONS) if (n.endsWith(ext)) return true;
        return false;
    }

    /** File-name endings read as images; the decoder is chosen from the content, so a PNG named .jpg still reads. */
    static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff");

    /** Height and width as shown (EXIF orientation applied) from the file header, without decoding pixels. */
    private static int[] header(Path f) {
        ImageFileReader.Header h = ImageFileReader.header(f);
        return new int[]{h.height(), h.width()};
    }

    /** Decodes file {@code f} into {@code channels} planes at {@code out[offset]}, resizing when set. */
    private void decode(Path f, float[] out, int offset) {
        BufferedImage img = ImageFileReader.read(f);
        if (img.getHeight() == height && img.getWidth() == width) {
            BufferedImages.toPlanes(img, channels, out, offset);
            return;
        }
        if (filter == null) {
            throw new InputException(f, "image is " + img.getWidth() + "x" + img.getHeight() + ", expected " + width + "x" + height);
        }
        Images one = BufferedImages.fromBufferedImage(img, channels);
        Images r = Resize.resize(one, height, width, filter, precision);
        System.arraycopy(r.data(), 0, out, offset, r.data().length);
    }

    /** The image files in the order they are read. */
    public List<Path> files() {
        return java.util.Arrays.stream(names).map(folder::resolve).toList();
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Iterator<Images> batches(int batchSize) {
        int imageSize = channels * height * width;
        return RangeBatches.of(names.length, batchSize, (k, from, count) -> {
            float[] data = new float[count * imageSize];
            IntStream.range(from, from + count).parallel().forEach(i -> decode(folder.resolve(names[i]), data, (i - from) * imageSize));
            return new Images(count, channels, height, width, data);
        });
    }

    @Override
    public String describe() {
        Map<String, Long> byKind = new TreeMap<>();
        for (String name : names) {
            String n = name.toLowerCase(Locale.ROOT);
            String k = n.substring(n.lastIndexOf('.') + 1).replace("jpeg", "jpg").replace("tiff", "tif").toUpperCase(Locale.ROOT);
            byKind.merge(k, 1L, Long::sum);
        }
        StringBuilder kinds = new StringBuilder();
        byKind.forEach((k, c) -> kinds.append(kinds.isEmpty() ? "" : " + ").append(c).append(' ').append(k.equals("JPG") ? "JPEG" : k));
        String rs = filter == null ? "" : ", resized to " + width + "x" + height + " (" + filter + ", " + precision + ")";
        return "folder " + folder + " (" + kinds + ", " + width + "x" + height + "x" + channels + rs + ")";
    }
}
