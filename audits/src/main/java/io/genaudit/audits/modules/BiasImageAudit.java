package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.plan.PlanException;
import io.genaudit.engine.image.AttributeClassifier;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.ImageLabels;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.Resize;
import io.genaudit.engine.image.ShapesClasses;
import io.genaudit.metrics.bias.AttributeDistributionProbe;
import io.genaudit.metrics.detect.FirstImages;
import io.genaudit.metrics.stats.MultipleComparisons;
import io.genaudit.reports.AuditResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code metric: bias-image}: the attribute distribution of a generator's images, read by an attribute classifier (a
 * feature-extractor model whose outputs are class logits), against a target (uniform or the labelled reference
 * data's): TVD, KL, DALL-Eval MAD, chi-square, per-class shares with corrected tests. With a labelled reference the
 * classifier's confusion matrix is measured and the proportions corrected, and the bootstrap covers both samples.
 * Conditional generators are audited per class label with {@code conditional: true}. With {@code fake: DATASET_ID}
 * in place of a model, the images of that folder (samples saved by a pipeline that cannot be exported) are audited.
 */
public final class BiasImageAudit implements AuditModule {
    @Override
    public Boolean higherIsBetter() {
        return false;
    }

    @Override
    public String metric() {
        return "bias-image";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("classifier", "attribute", "classes", "reference", "fake", "samples", "target", "calibrate", "conditional",
                "correction", "level", "bootstrap", "batch");
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

    @Override
    public Set<String> gateFields() {
        return Set.of("max_abs_gap", "significant_share", "tvd", "kl", "mad", "chi_square_p");
    }

    @Override
    public List<AuditResult> run(AuditContext ctx, AuditSpec spec) {
        Params p = spec.params();
        String pf = spec.planFile();
        String fakeId = p.stringParam("fake", null);
        String modelId = fakeId != null ? fakeId : spec.model();
        String classifierId = p.stringParam("classifier", null);
        if (classifierId == null) throw new PlanException(pf, p.prefix() + ".classifier", "the id of an attribute classifier model (outputs = class logits) is required");
        String attribute = p.stringParam("attribute", null);
        if (attribute == null) throw new PlanException(pf, p.prefix() + ".attribute", "the attribute to audit (a labels.csv column, e.g. colour) is required");
        String referenceId = p.stringParam("reference", spec.data().isEmpty() ? null : spec.dataset());
        String target = p.choiceParam("target", "uniform", "uniform", "reference");
        boolean calibrate = p.boolParam("calibrate", referenceId != null);
        boolean conditional = p.boolParam("conditional", false);
        int samples = p.intParam("samples", fakeId != null ? Integer.MAX_VALUE : 1000);
        if (samples < 10) throw new PlanException(pf, p.prefix() + ".samples", "at least 10 generated images expected, got " + samples);
        int batch = CheckedParams.positiveInt(p, pf, "batch", 64);
        int bootstrap = CheckedParams.bootstrap(p, pf, 1000, false);
        double level = CheckedParams.level(p, pf);
        if ((target.equals("reference") || calibrate) && referenceId == null) {
            throw new PlanException(pf, p.prefix() + ".reference", "a labelled reference dataset id is required for target: reference or calibrate: true");
        }
        MultipleComparisons.Method correction = CheckedParams.correction(p);

        List<String> classes;
        if (p.has("classes")) classes = p.listParam("classes", List.of()).stream().map(String::valueOf).toList();
        else if (ShapesClasses.ORDER.containsKey(attribute)) classes = ShapesClasses.ORDER.get(attribute);
        else classes = null;

        ImageGenerator gen = fakeId == null ? ctx.imageGenerator(modelId) : null;
        ImageFolderSource fakeFolder = fakeId == null ? null : ImageFolderSource.open(ctx.dataset(fakeId).path(), 3);
        if (fakeFolder != null) samples = Math.min(samples, fakeFolder.size());
        if (fakeFolder != null && samples < 10) throw new PlanException(pf, p.prefix() + ".fake", "at least 10 images expected in dataset '" + fakeId + "', found " + samples);
        int channels = gen != null ? gen.channels() : 3;
        int height = gen != null ? gen.height() : fakeFolder.height();
        int width = gen != null ? gen.width() : fakeFolder.width();
        ImageLabels labels = null;
        ImageFolderSource ref = null;
        if (referenceId != null) {
            var d = ctx.dataset(referenceId);
            ref = ImageFolderSource.open(d.path(), channels);
            if (ref.height() != height || ref.width() != width) ref = ref.resizedTo(height, width, Resize.Filter.BILINEAR, Resize.Precision.FLOAT);
            labels = ImageLabels.read(d.path().resolve("labels.csv"), ref, classes == null ? null : Map.of(attribute, classes));
            if (!labels.attributes().containsKey(attribute)) {
                throw new PlanException(pf, p.prefix() + ".attribute", "reference labels have no column '" + attribute + "'; found " + labels.attributes().keySet());
            }
            if (classes == null) classes = labels.attributes().get(attribute);
        }
        if (classes == null) throw new PlanException(pf, p.prefix() + ".classes", "class names in logit order are required when there is no labelled reference");
        AttributeClassifier clf = (ctx.model(classifierId).handle() instanceof AttributeClassifier multi
                && multi.attributes().contains(attribute)
                ? multi : AttributeClassifier.fromLogits(ctx.featureExtractor(classifierId), attribute, classes)).restrictedTo(attribute, classes);
        double[] tgt = target.equals("uniform") ? AttributeDistributionProbe.uniform(classes.size()) : labels.proportions(attribute);

        AttributeDistributionProbe.Calibration cal = null;
        List<String> conditions = new ArrayList<>();
        List<AttributeDistributionProbe.Report> reports = new ArrayList<>();
        AttributeDistributionProbe probe = new AttributeDistributionProbe(correction, level, bootstrap, ctx.seed());
        try (AuditContext.Phase ph = ctx.phase(spec.id() + " classify reference", "evaluate", classifierId)) {
            if (calibrate) {
                cal = new AttributeDistributionProbe.Calibration(labels.of(attribute), clf.predictAll(attribute, ref, batch));
                ph.units("images", ref.size());
            }
        }
        if (conditional && gen == null) throw new PlanException(pf, p.prefix() + ".conditional", "needs a conditional generator (model:), not a samples folder");
        int runs = conditional ? Math.max(1, gen.numClasses()) : 1;
        if (conditional && gen.numClasses() == 0) throw new PlanException(pf, p.prefix() + ".conditional", "model " + modelId + " is not a conditional generator");
        try (AuditContext.Phase ph = ctx.phase(spec.id(), "sample", modelId)) {
            if (fakeFolder != null) {
                conditions.add("all images of " + fakeId);
                reports.add(probe.run(classes, clf.predictAll(attribute, new FirstImages(fakeFolder, samples), batch), tgt, cal));
            }
            for (int c = 0; c < runs && gen != null; c++) {
                int[] pred = new int[samples];
                int at = 0;
                for (int k = 0; at < samples; k++) {
                    int n = Math.min(batch, samples - at);
                    int[] lab = null;
                    if (conditional) {
                        lab = new int[n];
                        java.util.Arrays.fill(lab, c);
                    }
                    Images imgs = gen.generate(n, ctx.seed() + c * 7_000_003L + k * 1_000_003L, lab);
                    System.arraycopy(clf.predict(imgs).get(attribute), 0, pred, at, n);
                    at += n;
                }
                conditions.add(conditional ? "label " + c : "all samples");
                reports.add(probe.run(classes, pred, tgt, cal));
            }
            ph.units("images", (long) samples * runs);
        }
        BiasResultParts.Parts parts = BiasResultParts.image(conditions, reports, attribute);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("classifier", classifierId);
        settings.put("attribute", attribute);
        settings.put("classes", classes);
        settings.put("reference", referenceId);
        settings.put("target", target);
        settings.put("calibrate", calibrate);
        settings.put("conditional", conditional);
        settings.put("samples", samples);
        if (fakeId != null) settings.put("fake", fakeId);
        settings.put("correction", correction.planName());
        settings.put("level", level);
        settings.put("bootstrap", bootstrap);
        List<String> notes = new ArrayList<>(parts.notes());
        notes.add("classifier: " + clf.describe());
        return List.of(new AuditResult(spec.id(), metric(), modelId, referenceId, parts.value(), parts.unit(), parts.ci(), parts.n(), settings, null,
                parts.details(), parts.charts(), List.of(), parts.tables(), notes));
    }
}
