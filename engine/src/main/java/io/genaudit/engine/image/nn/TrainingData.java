package io.genaudit.engine.image.nn;

import io.genaudit.engine.InputException;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageLabels;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.io.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * A training set held in memory: all images of a source in one batch, optional per-image labels of one attribute,
 * and the SHA-256 of the data it came from (recorded in model.json and used as a cache key).
 *
 * @param labels     class id per image for a conditional model, or null
 * @param classNames names of the classes, or an empty list
 */
public record TrainingData(Images images, int[] labels, List<String> classNames, String sha256, String description) {

    /** Reads a folder of images (PNG/JPEG, same size) with {@code channels}; labels of {@code attribute} from labels.csv when non-null. */
    public static TrainingData fromFolder(Path folder, int channels, String attribute) {
        ImageFolderSource src = ImageFolderSource.open(folder, channels);
        Images all = readAll(src);
        int[] labels = null;
        List<String> names = List.of();
        if (attribute != null) {
            Path csv = folder.resolve("labels.csv");
            if (!Files.exists(csv)) {
                throw new InputException(csv, "conditional training on '" + attribute + "' needs labels.csv (file," + attribute + ",...) beside the images");
            }
            ImageLabels l = ImageLabels.read(csv, src, io.genaudit.engine.image.ShapesClasses.ORDER);
            if (!l.attributes().containsKey(attribute)) {
                throw new InputException(csv, "no column '" + attribute + "'; columns: " + l.attributes().keySet());
            }
            labels = l.of(attribute);
            names = l.attributes().get(attribute);
        }
        String sha;
        try {
            sha = Sha256.of(folder);
        } catch (IOException e) {
            throw new InputException(String.valueOf(folder), "cannot read: " + e.getMessage(), e);
        }
        return new TrainingData(all, labels, names, sha, src.describe());
    }

    /** Reads every image of a source into one batch. */
    public static Images readAll(ImageSource src) {
        Iterator<Images> it = src.batches(256);
        Images first = it.next();
        float[] all = new float[src.size() * first.imageSize()];
        int pos = 0;
        System.arraycopy(first.data(), 0, all, 0, first.data().length);
        pos += first.data().length;
        while (it.hasNext()) {
            Images b = it.next();
            System.arraycopy(b.data(), 0, all, pos, b.data().length);
            pos += b.data().length;
        }
        return new Images(src.size(), first.channels(), first.height(), first.width(), all);
    }

    public int size() {
        return images.n();
    }
}
