package io.genaudit.audits.cli;

import io.genaudit.audits.metric.InputFeed;
import io.genaudit.audits.modules.AttributePredictionBatches;
import io.genaudit.audits.modules.DescribedFeed;
import io.genaudit.audits.modules.LabelledReference;
import io.genaudit.engine.InputException;
import io.genaudit.engine.image.AttributeClassifier;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ShapesClasses;
import io.genaudit.metrics.bias.AttributeDistributionProbe;
import io.genaudit.metrics.bias.AttributeFacts;
import io.genaudit.metrics.bias.AttributePredictions;
import io.genaudit.metrics.detect.FirstImages;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Command-line inputs of {@code bias-image}: a folder of generated images ({@code --fake}), the attribute classifier
 * ({@code --classifier}, a TorchScript/ONNX model whose outputs are class logits), the attribute and its classes, and
 * optionally a labelled reference folder (images and labels.csv) for the classes, the target and the confusion
 * correction.
 */
public final class AttributePredictionCommandInputs implements CommandInputs<AttributePredictions> {
    @Option(names = "--fake", required = true, paramLabel = "DIR", description = "Folder of generated images.")
    Path fake;

    @Option(names = "--classifier", required = true, paramLabel = "SPEC",
            description = "Attribute classifier: torchscript:PATH or onnx:PATH (images [B,3,H,W] in [0,1] -> class logits [B,K]).")
    String classifier;

    @Option(names = "--attribute", required = true, paramLabel = "NAME", description = "The attribute audited (a labels.csv column, e.g. colour).")
    String attribute;

    @Option(names = "--classes", split = ",", paramLabel = "A,B,..", description = "Class names in logit order (default: the reference labels' order).")
    List<String> classes;

    @Option(names = "--reference", paramLabel = "DIR", description = "Labelled reference folder (images and labels.csv).")
    Path reference;

    @Option(names = "--target", defaultValue = "uniform", paramLabel = "uniform|reference",
            description = "Target distribution: uniform or the reference's shares (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--calibrate", arity = "0..1", paramLabel = "true|false",
            description = "Correct the shares for the classifier's confusion on the reference (default: true with --reference).")
    Boolean calibrate;

    @Option(names = "--samples", paramLabel = "N", description = "Use the first N images of --fake (default: all).")
    Integer samples;

    @Option(names = "--batch", defaultValue = "64", paramLabel = "N", description = "Images per classifier batch (default: ${DEFAULT-VALUE}).")
    int batch;

    public AttributePredictionCommandInputs() {
    }

    @Override
    public InputFeed<AttributePredictions> open() {
        boolean calibrated = calibrate != null ? calibrate : reference != null;
        if (!target.equals("uniform") && !target.equals("reference")) throw new InputException("--target", "uniform or reference expected, got '" + target + "'");
        if ((target.equals("reference") || calibrated) && reference == null) {
            throw new InputException("--reference", "a labelled reference folder is required for --target reference or --calibrate");
        }
        if (batch < 1) throw new InputException("--batch", "at least 1 expected, got " + batch);
        ImageFolderSource images = ImageFolderSource.open(fake, 3);
        int n = samples == null ? images.size() : Math.min(samples, images.size());
        if (n < 10) throw new InputException("--fake", "at least 10 images expected, found " + n + " in " + fake);
        List<String> named = classes != null ? classes : ShapesClasses.ORDER.get(attribute);
        LabelledReference ref = reference == null ? null : LabelledReference.open(reference, 3, images.height(), images.width(), attribute, named);
        List<String> cls = ref != null ? ref.classes() : named;
        if (cls == null) throw new InputException("--classes", "class names in logit order are required without --reference");
        double[] shares = target.equals("uniform") ? AttributeDistributionProbe.uniform(cls.size()) : ref.labels().proportions(attribute);
        AttributeClassifier clf = AttributeClassifier.fromLogits(CliModels.openFeatureExtractor(classifier, fake), attribute, cls).restrictedTo(attribute, cls);
        AttributePredictionBatches batches = new AttributePredictionBatches(new AttributeFacts(attribute, cls, Arrays.stream(shares).boxed().toList()), clf, batch);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("classifier", classifier);
        settings.put("attribute", attribute);
        settings.put("classes", cls);
        if (reference != null) settings.put("reference", reference.toString());
        settings.put("target", target);
        settings.put("calibrate", calibrated);
        settings.put("samples", n);
        settings.put("batch", batch);
        return new DescribedFeed<>(fake.toString(), reference == null ? null : reference.toString(), settings, List.of("classifier: " + clf.describe())) {
            @Override
            public void feed(Consumer<? super AttributePredictions> sink) {
                if (calibrated) batches.calibration(ref, sink);
                batches.folder(new FirstImages(images, n), "all images of " + fake, sink);
            }
        };
    }
}
