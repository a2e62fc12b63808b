package io.genaudit.audits.modules;

import io.genaudit.engine.InputException;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageLabels;
import io.genaudit.engine.image.Resize;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A labelled reference image folder for {@code bias-image} (images and a {@code labels.csv}), resized to the generated
 * images' size: the classes of the audited attribute, its shares (the {@code reference} target) and the true labels
 * of the calibration images.
 *
 * @param images  the reference images at the generated size
 * @param labels  every attribute's labels
 * @param classes the audited attribute's classes, in logit order
 */
public record LabelledReference(ImageFolderSource images, ImageLabels labels, List<String> classes) {

    /** Opens {@code folder}; {@code classes} (or null to take the labels' order) fixes the attribute's class order. */
    public static LabelledReference open(Path folder, int channels, int height, int width, String attribute, List<String> classes) {
        ImageFolderSource ref = ImageFolderSource.open(folder, channels);
        if (ref.height() != height || ref.width() != width) ref = ref.resizedTo(height, width, Resize.Filter.BILINEAR, Resize.Precision.FLOAT);
        Path csv = folder.resolve("labels.csv");
        ImageLabels labels = ImageLabels.read(csv, ref, classes == null ? null : Map.of(attribute, classes));
        if (!labels.attributes().containsKey(attribute)) {
            throw new InputException(csv, "reference labels have no column '" + attribute + "'; found " + labels.attributes().keySet());
        }
        return new LabelledReference(ref, labels, classes != null ? classes : labels.attributes().get(attribute));
    }
}
