package io.genaudit.datasets.shapes;

import io.genaudit.datasets.NamedDataset;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A shapes data set written as a folder of PNGs ({@code 00000.png}, ...) with {@code labels.csv}
 * ({@code file,shape,colour,size,x,y}) beside them. Subclasses fix the name and the {@link ShapesSpec}; the three
 * registered ones are {@code shapes}, {@code shapes-skewed} and {@code shapes-small}.
 */
public class ShapesFixture extends NamedDataset {
    /** Name of the CSV file with one row of attributes per image. */
    public static final String LABELS = "labels.csv";
    /** The folder inside the materialization directory that holds the images. */
    public static final String FOLDER = "images";

    private final ShapesSpec spec;

    public ShapesFixture(String name, String description, ShapesSpec spec) {
        super(name, description);
        this.spec = spec;
    }

    public ShapesSpec spec() {
        return spec;
    }

    @Override
    public Path materialize(Path dir, long seed) throws IOException {
        Path folder = dir.resolve(FOLDER);
        if (Files.exists(folder.resolve(LABELS))) return folder;
        write(spec, seed, folder);
        return folder;
    }

    /** Renders {@code spec} with {@code seed} into {@code folder}: the PNGs first, labels.csv last (its presence marks completion). */
    public static void write(ShapesSpec spec, long seed, Path folder) throws IOException {
        Files.createDirectories(folder);
        ShapesRenderer r = new ShapesRenderer(spec, seed);
        StringBuilder csv = new StringBuilder("file,shape,colour,size,x,y\n");
        int chunk = 256;
        for (int from = 0; from < spec.count(); from += chunk) {
            List<ShapeSample> samples = r.render(from, Math.min(spec.count(), from + chunk));
            for (ShapeSample s : samples) {
                Path f = folder.resolve(s.fileName());
                try {
                    if (!ImageIO.write(s.image(), "png", f.toFile())) throw new IOException("no PNG writer in this JRE");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + f, e);
                }
                csv.append(s.csvRow()).append('\n');
            }
        }
        Path tmp = folder.resolve(LABELS + ".tmp");
        Files.writeString(tmp, csv, StandardCharsets.UTF_8);
        Files.move(tmp, folder.resolve(LABELS), StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code shapes}: 2000 images, every shape, colour and size equally likely. */
    public static final class Balanced extends ShapesFixture {
        public Balanced() {
            super("shapes", "2000 32x32 RGB images of a circle, square or triangle in red, green or blue, small or large, "
                    + "each attribute value equally likely (1/3, 1/3, 1/2); attributes in labels.csv", ShapesSpec.balanced(2000));
        }
    }

    /** {@code shapes-skewed}: 2000 images, 70% red (15% green, 15% blue); shapes and sizes balanced. */
    public static final class Skewed extends ShapesFixture {
        public Skewed() {
            super("shapes-skewed", "2000 32x32 RGB shapes images with colour skewed to 70% red, 15% green, 15% blue "
                    + "(shapes and sizes balanced); attributes in labels.csv",
                    ShapesSpec.balanced(2000).withColourWeights(0.7, 0.15, 0.15));
        }
    }

    /** {@code shapes-small}: 200 balanced images, for tests. */
    public static final class Small extends ShapesFixture {
        public Small() {
            super("shapes-small", "200 32x32 RGB shapes images, balanced attributes (for tests); attributes in labels.csv",
                    ShapesSpec.balanced(200));
        }
    }
}
