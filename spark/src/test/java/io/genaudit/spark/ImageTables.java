package io.genaudit.spark;

import io.genaudit.datasets.BuiltInDatasets;
import io.genaudit.engine.image.ImageFolderSource;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Image folders (genaudit's shapes fixture, PNG) and the same images as a Parquet table ({@code row} + {@code bytes}). */
final class ImageTables {
    static final StructType SCHEMA = new StructType().add("row", DataTypes.LongType).add("bytes", DataTypes.BinaryType);

    private ImageTables() {
    }

    /** {@code n} balanced shapes images drawn with {@code seed} in {@code folder}. */
    static Path folder(Path folder, int n, long seed) throws IOException {
        return BuiltInDatasets.balancedShapes(n, seed, folder);
    }

    /** {@code n} balanced shapes images drawn with {@code seed}, colours inverted, in {@code folder} (far from the originals). */
    static Path inverted(Path folder, int n, long seed) throws IOException {
        Path src = folder.resolveSibling(folder.getFileName() + "-src");
        BuiltInDatasets.balancedShapes(n, seed, src);
        Files.createDirectories(folder);
        for (Path f : ImageFolderSource.open(src).files()) {
            BufferedImage img = ImageIO.read(f.toFile());
            BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) out.setRGB(x, y, ~img.getRGB(x, y) & 0xFFFFFF);
            }
            ImageIO.write(out, "png", folder.resolve(f.getFileName()).toFile());
        }
        return folder;
    }

    /** A plan with one FID audit of {@code gen} against {@code real} (folders or tables) through the TorchScript {@code extractor}, batch 8. */
    static String fidPlan(Path extractor, String real, String gen) {
        return fidPlan(extractor, real, gen, "", "", "");
    }

    /**
     * {@link #fidPlan(Path, String, String)} with more entries: {@code models} and {@code datasets} (lines of
     * {@code "  - {...}"}) and {@code audits} (audit entries), each empty or ending with a newline.
     */
    static String fidPlan(Path extractor, String real, String gen, String models, String datasets, String audits) {
        return """
                name: image-fid
                seed: 7
                models:
                  - {id: fx, type: torchscript-features, path: "%s"}
                %sdatasets:
                  - {id: real, path: %s}
                  - {id: gen, path: %s}
                %saudits:
                  - id: fid-gen
                    metric: fid
                    params: {real: real, fake: gen, features: fx, batch: 8, bootstrap: 0}
                """.formatted(extractor, models, real, gen, datasets) + audits;
    }

    /**
     * Writes the images of {@code folder} as a table: row i holds the bytes of the folder's i-th image in the order a
     * single JVM reads the folder; rows shuffled over 3 files, as an export job would leave them.
     */
    static Path write(SparkSession spark, Path folder, Path table) throws IOException {
        return write(spark, folder, table, false);
    }

    /** {@link #write(SparkSession, Path, Path)}, with a {@code file} column of the file names when {@code named}. */
    static Path write(SparkSession spark, Path folder, Path table, boolean named) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<Path> files = ImageFolderSource.open(folder).files();
        for (int i = 0; i < files.size(); i++) {
            byte[] bytes = Files.readAllBytes(files.get(i));
            rows.add(named ? RowFactory.create((long) i, bytes, files.get(i).getFileName().toString()) : RowFactory.create((long) i, bytes));
        }
        Collections.shuffle(rows, new Random(9));
        spark.createDataFrame(rows, named ? SCHEMA.add("file", DataTypes.StringType) : SCHEMA).repartition(3).write().parquet(table.toString());
        return table;
    }
}
