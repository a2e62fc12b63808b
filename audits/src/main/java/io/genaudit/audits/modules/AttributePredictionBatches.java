package io.genaudit.audits.modules;

import io.genaudit.engine.image.AttributeClassifier;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.image.Images;
import io.genaudit.metrics.bias.AttributeFacts;
import io.genaudit.metrics.bias.AttributePredictions;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The engine side of {@code bias-image}: runs the attribute classifier over the calibration images, an image folder or
 * seeded samples of a generator, and sends the predictions as {@link AttributePredictions} batches. Shared by the plan
 * and command-line inputs.
 *
 * @param facts      attribute, classes and target every batch carries
 * @param classifier the attribute classifier
 * @param batch      images per classifier (and generator) call
 */
public record AttributePredictionBatches(AttributeFacts facts, AttributeClassifier classifier, int batch) {

    /** The calibration images' predictions with their true labels; returns the image count. */
    public long calibration(LabelledReference ref, Consumer<? super AttributePredictions> sink) {
        sink.accept(AttributePredictions.calibration(facts, 0, ref.labels().of(facts.attribute()), classifier.predictAll(facts.attribute(), ref.images(), batch)));
        return ref.images().size();
    }

    /** Every image of {@code images} as condition 0, {@code label}; returns the image count. */
    public long folder(ImageSource images, String label, Consumer<? super AttributePredictions> sink) {
        sink.accept(AttributePredictions.generated(facts, 0, label, 0, classifier.predictAll(facts.attribute(), images, batch)));
        return images.size();
    }

    /**
     * {@code samples} images of {@code gen} as condition {@code condition} (class label {@code condition} when
     * {@code conditional}); batch k of condition c uses seed {@code seed + 7000003 c + 1000003 k}. Returns the image count.
     */
    public long generated(ImageGenerator gen, int samples, long seed, int condition, boolean conditional, Consumer<? super AttributePredictions> sink) {
        String label = conditional ? "label " + condition : "all samples";
        int at = 0;
        for (int k = 0; at < samples; k++) {
            int n = Math.min(batch, samples - at);
            int[] labels = null;
            if (conditional) {
                labels = new int[n];
                Arrays.fill(labels, condition);
            }
            Images imgs = gen.generate(n, seed + condition * 7_000_003L + k * 1_000_003L, labels);
            sink.accept(AttributePredictions.generated(facts, condition, label, at, classifier.predict(imgs).get(facts.attribute())));
            at += n;
        }
        return samples;
    }
}
