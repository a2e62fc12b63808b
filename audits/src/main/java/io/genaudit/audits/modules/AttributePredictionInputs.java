package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.metric.InputAdapter;
import io.genaudit.audits.metric.InputFeed;
import io.genaudit.audits.PlanException;
import io.genaudit.engine.image.AttributeClassifier;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.ShapesClasses;
import io.genaudit.metrics.bias.AttributeDistributionProbe;
import io.genaudit.metrics.bias.AttributeFacts;
import io.genaudit.metrics.bias.AttributePredictions;
import io.genaudit.metrics.detect.FirstImages;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Plan inputs of {@code bias-image}: an attribute classifier's predictions ({@code classifier}: a multi-attribute
 * classifier, or a feature extractor whose outputs are class logits) of {@code samples} seeded samples of the audited
 * generator (per class label with {@code conditional: true}) or of the images of the dataset {@code fake}; with a
 * labelled {@code reference} dataset (default: the audit's dataset) its classes and, with {@code calibrate} (default
 * when a reference is given), its images' predictions for the confusion correction. {@code target} is uniform or
 * the reference's shares.
 */
public final class AttributePredictionInputs implements InputAdapter<AttributePredictions> {
    @Override
    public Set<String> planParameters() {
        return Set.of("classifier", "attribute", "classes", "reference", "fake", "samples", "target", "calibrate", "conditional", "batch", "seed");
    }

    @Override
    public Set<String> datasetParameters() {
        return Set.of("reference", "fake");
    }

    @Override
    public Set<String> modelParameters() {
        return Set.of("classifier");
    }

    @Override
    public List<String> samplesParameters() {
        return List.of("fake");
    }

    /** The plan entry's choices, checked. */
    private record Request(String classifierId, String attribute, List<String> classes, String referenceId, String fakeId, String target,
                           boolean calibrate, boolean conditional, int samples, int batch, long seed) {
        static Request read(AuditSpec spec, long runSeed) {
            Params p = spec.params();
            String pf = spec.planFile();
            String fakeId = p.stringParam("fake", null);
            String classifierId = p.stringParam("classifier", null);
            if (classifierId == null) throw new PlanException(pf, p.prefix() + ".classifier", "the id of an attribute classifier model (outputs = class logits) is required");
            String attribute = p.stringParam("attribute", null);
            if (attribute == null) throw new PlanException(pf, p.prefix() + ".attribute", "the attribute to audit (a labels.csv column, e.g. colour) is required");
            String referenceId = p.stringParam("reference", spec.data().isEmpty() ? null : spec.dataset());
            String target = p.choiceParam("target", "uniform", "uniform", "reference");
            boolean calibrate = p.boolParam("calibrate", referenceId != null);
            if ((target.equals("reference") || calibrate) && referenceId == null) {
                throw new PlanException(pf, p.prefix() + ".reference", "a labelled reference dataset id is required for target: reference or calibrate: true");
            }
            int samples = p.intParam("samples", fakeId != null ? Integer.MAX_VALUE : 1000);
            if (samples < 10) throw new PlanException(pf, p.prefix() + ".samples", "at least 10 generated images expected, got " + samples);
            List<String> classes = p.has("classes") ? p.listParam("classes", List.of()).stream().map(String::valueOf).toList()
                    : ShapesClasses.ORDER.get(attribute);
            return new Request(classifierId, attribute, classes, referenceId, fakeId, target, calibrate, p.boolParam("conditional", false),
                    samples, CheckedParams.positiveInt(p, pf, "batch", 64), p.longParam("seed", runSeed));
        }
    }

    @Override
    public InputFeed<AttributePredictions> open(AuditContext ctx, AuditSpec spec) {
        Request req = Request.read(spec, ctx.seed());
        Params p = spec.params();
        String subjectId = req.fakeId() != null ? req.fakeId() : spec.model();
        ImageGenerator gen = req.fakeId() == null ? ctx.imageGenerator(subjectId) : null;
        ImageFolderSource fakeFolder = gen != null ? null : ImageFolderSource.open(ctx.dataset(req.fakeId()).path(), 3);
        int samples = fakeFolder == null ? req.samples() : Math.min(req.samples(), fakeFolder.size());
        if (samples < 10) throw new PlanException(spec.planFile(), p.prefix() + ".fake", "at least 10 images expected in dataset '" + req.fakeId() + "', found " + samples);
        int conditions = conditions(spec, req, gen, subjectId);
        LabelledReference ref = req.referenceId() == null ? null : LabelledReference.open(ctx.dataset(req.referenceId()).path(),
                gen != null ? gen.channels() : 3, gen != null ? gen.height() : fakeFolder.height(), gen != null ? gen.width() : fakeFolder.width(),
                req.attribute(), req.classes());
        List<String> classes = ref != null ? ref.classes() : req.classes();
        if (classes == null) throw new PlanException(spec.planFile(), p.prefix() + ".classes", "class names in logit order are required when there is no labelled reference");
        AttributeClassifier clf = classifier(ctx, req.classifierId(), req.attribute(), classes);
        double[] target = req.target().equals("uniform") ? AttributeDistributionProbe.uniform(classes.size()) : ref.labels().proportions(req.attribute());
        AttributePredictionBatches batches = new AttributePredictionBatches(
                new AttributeFacts(req.attribute(), classes, Arrays.stream(target).boxed().toList()), clf, req.batch());
        Map<String, Object> settings = settings(req, classes, samples);
        return new DescribedFeed<>(subjectId, req.referenceId(), settings, List.of("classifier: " + clf.describe())) {
            @Override
            public void feed(Consumer<? super AttributePredictions> sink) {
                if (req.calibrate()) {
                    try (AuditContext.Phase ph = ctx.phase(spec.id() + " classify reference", "evaluate", req.classifierId())) {
                        ph.units("images", batches.calibration(ref, sink));
                    }
                }
                try (AuditContext.Phase ph = ctx.phase(spec.id(), "sample", subjectId)) {
                    long images = 0;
                    if (fakeFolder != null) images += batches.folder(new FirstImages(fakeFolder, samples), "all images of " + req.fakeId(), sink);
                    for (int c = 0; gen != null && c < conditions; c++) images += batches.generated(gen, samples, req.seed(), c, req.conditional(), sink);
                    ph.units("images", images);
                }
            }
        };
    }

    /** 1, or the generator's class count with {@code conditional: true}. */
    private static int conditions(AuditSpec spec, Request req, ImageGenerator gen, String subjectId) {
        if (!req.conditional()) return 1;
        String key = spec.params().prefix() + ".conditional";
        if (gen == null) throw new PlanException(spec.planFile(), key, "needs a conditional generator (model:), not a samples folder");
        if (gen.numClasses() == 0) throw new PlanException(spec.planFile(), key, "model " + subjectId + " is not a conditional generator");
        return gen.numClasses();
    }

    /** The attribute's head of a multi-attribute classifier, or a feature extractor read as class logits. */
    private static AttributeClassifier classifier(AuditContext ctx, String id, String attribute, List<String> classes) {
        AttributeClassifier clf = ctx.model(id).handle() instanceof AttributeClassifier multi && multi.attributes().contains(attribute)
                ? multi : AttributeClassifier.fromLogits(ctx.featureExtractor(id), attribute, classes);
        return clf.restrictedTo(attribute, classes);
    }

    private static Map<String, Object> settings(Request req, List<String> classes, int samples) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("classifier", req.classifierId());
        s.put("attribute", req.attribute());
        s.put("classes", classes);
        s.put("reference", req.referenceId());
        s.put("target", req.target());
        s.put("calibrate", req.calibrate());
        s.put("conditional", req.conditional());
        s.put("samples", samples);
        if (req.fakeId() != null) s.put("fake", req.fakeId());
        s.put("batch", req.batch());
        return s;
    }
}
