package io.genaudit.spark;

import io.genaudit.engine.InputException;
import io.genaudit.engine.image.ImageFolderSource;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A local image folder on a local master (the executors see the driver's files): the driver opens it as the single
 * machine does ({@link ImageFolderSource}: PNG/JPEG/WebP/TIFF in file-name order, every header checked, one size),
 * keeps the first {@code limit} files and cuts them into extraction batches of {@code batch}; each task reads the
 * files of its batches into {@link ImageBlock}s, which {@link ImageDecoding} decodes like the images of a table.
 */
public final class FolderImages implements ImageBlockSource {
    private final Path folder;
    private final int batch;
    private final List<String> files;
    private final int[] size;

    private FolderImages(Path folder, int batch, List<String> files, int[] size) {
        this.folder = folder;
        this.batch = batch;
        this.files = files;
        this.size = size;
    }

    /** Opens {@code folder} (header checks on the driver); the first {@code limit} images in batches of {@code batch}. */
    public static FolderImages open(Path folder, int batch, long limit) {
        if (batch < 1) throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        ImageFolderSource src = ImageFolderSource.open(folder, 3);
        List<String> files = src.files().stream().limit(limit).map(Path::toString).toList();
        return new FolderImages(folder, batch, files, new int[]{src.height(), src.width()});
    }

    @Override
    public String uri() {
        return folder.toString();
    }

    @Override
    public int[] size(SparkSession spark) {
        return size.clone();
    }

    @Override
    public JavaRDD<ImageBlock> blocks(SparkSession spark, int partitions) {
        return FileGroup.rdd(spark, FileGroup.ofFiles(files, batch), partitions).map(FolderImages::read);
    }

    /** The encoded files of one batch. */
    private static ImageBlock read(FileGroup g) {
        byte[][] images = new byte[g.count()][];
        for (int i = 0; i < images.length; i++) {
            Path f = Path.of(g.paths().get(i));
            try {
                images[i] = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new InputException(f, "cannot be read: " + e.getMessage());
            }
        }
        return new ImageBlock(g.first(), images);
    }
}
