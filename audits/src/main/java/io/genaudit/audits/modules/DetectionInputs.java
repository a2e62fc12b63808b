package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.metric.InputAdapter;
import io.genaudit.audits.metric.InputFeed;
import io.genaudit.audits.PlanException;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.metrics.detect.DetectabilitySettings;
import io.genaudit.metrics.detect.DetectionInput;
import io.genaudit.metrics.detect.DetectorClassifier;
import io.genaudit.metrics.detect.FirstImages;
import io.genaudit.metrics.detect.LabelledFeatures;
import io.genaudit.metrics.detect.Perturbation;
import io.genaudit.metrics.detect.SpectralFeatures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Plan inputs of {@code detectability}: the real images ({@code real} or {@code data:}), the generated ones (the
 * audited model sampled {@code samples} times, or its saved outputs {@code fake}, older alias {@code generated}), the
 * detector (a cross-validated spectral detector set by {@code features}, {@code classifier}, {@code folds}, or a saved
 * {@code detector}), the {@code robustness} perturbations and the {@code crossGenerator} models. Reading and checking
 * the parameters happens when the entry is opened, so a bad plan fails before any image is read.
 */
public final class DetectionInputs implements InputAdapter<DetectionInput> {
    @Override
    public Set<String> planParameters() {
        return Set.of("real", "fake", "generated", "samples", "folds", "classifier", "features", "robustness", "detector",
                "crossGenerator", "batchSize", "seed");
    }

    @Override
    public Set<String> datasetParameters() {
        return Set.of("real", "fake", "generated");
    }

    @Override
    public Set<String> modelParameters() {
        return Set.of("crossGenerator");
    }

    /** {@code fake} names the folder of generated images; {@code generated} is its older alias. */
    @Override
    public List<String> samplesParameters() {
        return List.of("fake", "generated");
    }

    @Override
    public InputFeed<DetectionInput> open(AuditContext ctx, AuditSpec spec) {
        Request r = Request.of(ctx.seed(), spec);
        int samples = r.samples(spec, ImageFolderSource.open(ctx.dataset(r.realId()).path(), 3).size());
        return new Feed(ctx, spec, r, samples);
    }

    /**
     * The checked plan parameters of one entry (everything but the image count, which needs the real images): the
     * detector settings, the datasets or model, a fixed detector file, the perturbations and the cross-generator models.
     * Spark reads the same parameters ({@code genaudit-spark}).
     */
    public record Request(DetectabilitySettings settings, String realId, String generatedId, String modelId,
                          Path detector, List<Perturbation> perturbations, List<String> crossIds, List<String> notes) {

        /** The parameters of {@code spec} in a run seeded with {@code runSeed}; a bad value is a plan error naming its field. */
        public static Request of(long runSeed, AuditSpec spec) {
            Params p = spec.params();
            long seed = p.longParam("seed", runSeed);
            DetectabilitySettings settings = detectorSettings(spec, p, seed);
            String realId = p.stringParam("real", spec.data().isEmpty() ? null : spec.dataset());
            if (realId == null) throw bad(spec, "real", "a dataset id of real images is required (params.real or data:)");
            String generatedId = p.stringParam("fake", p.stringParam("generated", null));
            String modelId = spec.models().isEmpty() ? null : spec.model();
            if ((modelId == null) == (generatedId == null)) {
                throw bad(spec, "fake", "give either a model (model:) to sample or a dataset of its saved outputs (params.fake), not "
                        + (modelId == null ? "neither" : "both"));
            }
            String detector = p.stringParam("detector", null);
            if (detector != null && p.has("crossGenerator")) throw bad(spec, "crossGenerator", "not available with a fixed detector (params.detector)");
            List<String> crossIds = crossGenerators(spec, p, modelId);
            List<String> notes = new ArrayList<>();
            if (p.has("crossGenerator") && crossIds.isEmpty()) notes.add("crossGenerator names only this model, so it has no cross-generator test.");
            return new Request(settings, realId, generatedId, modelId, detector == null ? null : resolve(spec.planFile(), detector),
                    DetectabilityRobustness.parse(p, spec.planFile()), crossIds, List.copyOf(notes));
        }

        /** Images per class ({@code samples}, default the real images up to 500), checked against the folds. */
        public int samples(AuditSpec spec, int realImages) {
            int samples = spec.params().intParam("samples", Math.min(realImages, 500));
            if (samples < 2 * settings.folds()) {
                throw bad(spec, "samples", "at least " + 2 * settings.folds() + " expected for " + settings.folds() + " folds, got " + samples);
            }
            return samples;
        }

        /** The audited generator: the model id, or the dataset of its saved outputs. */
        public String subject() {
            return modelId != null ? modelId : generatedId;
        }
    }

    /** The batches of one entry: the steps of {@link DetectionRun} in the audit's phase record. */
    private static final class Feed extends DetectionFeed {
        private final AuditContext ctx;
        private final AuditSpec spec;
        private final Request r;
        private final int samples;

        Feed(AuditContext ctx, AuditSpec spec, Request r, int samples) {
            super(r.settings(), ctx.progress(), r.subject(), r.realId(), r.notes());
            this.ctx = ctx;
            this.spec = spec;
            this.r = r;
            this.samples = samples;
        }

        @Override
        protected void steps(DetectionRun run) {
            run.setting("samples", samples);
            try (AuditContext.Phase ph = ctx.phase(spec.id() + " detectability", "evaluate", r.subject())) {
                openImages(run);
                if (r.detector() != null) {
                    ctx.recordFile("model", r.detector());
                    run.fixedDetector(r.detector(), r.subject(), r.perturbations());
                } else {
                    LabelledFeatures data = run.crossValidated(r.subject(), r.perturbations());
                    for (int i = 0; i < r.crossIds().size(); i++) transfer(run, data, i, r.crossIds().get(i));
                }
                run.marks(r.generatedId() == null ? null : ctx.dataset(r.generatedId()).path());
                ph.units("images", run.images());
            }
        }

        private void openImages(DetectionRun run) {
            ImageFolderSource realFolder = ImageFolderSource.open(ctx.dataset(r.realId()).path(), 3);
            if (r.generatedId() != null) {
                ImageFolderSource generated = ImageFolderSource.open(ctx.dataset(r.generatedId()).path(), 3);
                run.images(new FirstImages(realFolder, samples), realFolder.height(), realFolder.width(),
                        new FirstImages(generated, samples), generated.height(), generated.width());
            } else {
                ImageGenerator g = ctx.imageGenerator(r.modelId());
                run.images(new FirstImages(realFolder, samples), realFolder.height(), realFolder.width(),
                        g.samples(samples, r.settings().seed()), g.height(), g.width());
            }
            if (run.sized().real().size() < samples) run.note("Only " + run.sized().real().size() + " real images available (samples: " + samples + ").");
        }

        private void transfer(DetectionRun run, LabelledFeatures data, int order, String crossId) {
            ImageGenerator other = ctx.imageGenerator(crossId);
            if (other.height() != run.sized().height() || other.width() != run.sized().width()) {
                throw bad(spec, "crossGenerator", "model '" + crossId + "' makes " + other.height() + "x" + other.width()
                        + " images but '" + r.subject() + "' makes " + run.sized().height() + "x" + run.sized().width());
            }
            run.transfer(data, r.subject(), order, crossId, other.samples(samples, r.settings().seed() + 1));
        }
    }

    private static PlanException bad(AuditSpec spec, String key, String msg) {
        return new PlanException(spec.planFile(), spec.params().prefix() + "." + key, msg);
    }

    private static DetectabilitySettings detectorSettings(AuditSpec spec, Params p, long seed) {
        SpectralFeatures features;
        try {
            features = SpectralFeatures.parse(p.stringParam("features", SpectralFeatures.defaults().spec()));
        } catch (IllegalArgumentException e) {
            throw bad(spec, "features", e.getMessage());
        }
        DetectorClassifier c = DetectorClassifier.parse(p.choiceParam("classifier", "logistic", "logistic", "svm", "gbt"));
        try {
            return DetectabilitySettings.forScoring(features, c, p.intParam("folds", 5), seed, p.intParam("batchSize", 64));
        } catch (IllegalArgumentException e) {
            throw new PlanException(spec.planFile(), p.prefix(), e.getMessage());
        }
    }

    private static Path resolve(String planFile, String path) {
        Path f = Path.of(path);
        if (f.isAbsolute() || planFile == null) return f;
        Path parent = Path.of(planFile).toAbsolutePath().getParent();
        return parent == null ? f : parent.resolve(f);
    }

    /**
     * The models named by {@code crossGenerator} (an id or a list of ids) other than the audited one, so that
     * {@code model: [gan, vae]} with {@code crossGenerator: [gan, vae]} tests gan's detector on vae and vae's on gan.
     */
    private static List<String> crossGenerators(AuditSpec spec, Params p, String audited) {
        Object v = p.values().get("crossGenerator");
        if (v == null) return List.of();
        List<?> ids = v instanceof List<?> l ? l : List.of(v);
        List<String> out = new ArrayList<>();
        for (Object o : ids) {
            if (!(o instanceof String id) || id.isEmpty()) throw bad(spec, "crossGenerator", "a model id or a list of model ids expected, got '" + o + "'");
            if (!id.equals(audited) && !out.contains(id)) out.add(id);
        }
        return out;
    }
}
