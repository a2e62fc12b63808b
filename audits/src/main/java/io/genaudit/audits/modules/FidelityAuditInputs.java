package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.DatasetRef;
import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.Params;
import io.genaudit.audits.PlanException;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.image.Resize;
import io.genaudit.metrics.detect.FirstImages;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.FeatureBatches;
import io.genaudit.metrics.fidelity.FeatureSet;
import io.genaudit.metrics.fidelity.FeatureSetLoader;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the fidelity plan inputs share: reading the plan parameters ({@code real}, {@code fake}, {@code samples},
 * {@code features}, {@code batch}, {@code seed}), extracting features of the real
 * dataset (image folder resized to the generated size, {@code .npy} features or {@code .npz} statistics) and of the
 * generated samples: {@code samples} seeded samples of the audited generator, or the images (or {@code .npy}
 * features) of the dataset named by {@code fake} (samples as data, e.g. a diffusion pipeline's output folder), and
 * the settings and notes every fidelity result carries.
 */
public final class FidelityAuditInputs {
    /** Parameters naming datasets. */
    static final Set<String> DATASETS = Set.of("real", "fake");
    /** Parameters naming models. */
    static final Set<String> MODELS = Set.of("features");
    /** Parameters naming models for the Inception Score: its classifier, under either name. */
    static final Set<String> CLASSIFIERS = Set.of("classifier", "features");
    /** The parameter that takes generated samples as a dataset instead of a generator model. */
    static final List<String> SAMPLES = List.of("fake");

    final AuditSpec spec;
    final Params p;
    /** The audited generator's model id, or the samples dataset's id with {@code fake}: what results are labelled with. */
    final String subjectId;
    final String extractorId;
    final String realId;
    /** The dataset id of the generated samples ({@code fake}), or null when a generator is sampled. */
    final String fakeId;
    final int samples;
    final int batch;
    final long seed;
    final LoadedModel extractorModel;
    final ImageFeatureExtractor extractor;
    final ImageGenerator generator;
    private final ImageSource fakeImages;

    /** The inputs of a two-sample metric (FID, KID, PRDC): the extractor is {@code features}, {@code real} is required. */
    FidelityAuditInputs(AuditContext ctx, AuditSpec spec) {
        this(ctx, spec, true, "features", "a feature extractor");
    }

    /**
     * The inputs of a plan entry whose network is the model named by plan key {@code extractorKey} (described as
     * {@code what} in errors); {@code real} is required when {@code needsReal}.
     */
    FidelityAuditInputs(AuditContext ctx, AuditSpec spec, boolean needsReal, String extractorKey, String what) {
        this.spec = spec;
        this.p = spec.params();
        String pf = spec.planFile();
        this.fakeId = p.stringParam("fake", null);
        this.subjectId = fakeId != null ? fakeId : spec.model();
        this.extractorId = p.stringParam(extractorKey, null);
        if (extractorId == null) throw new PlanException(pf, p.prefix() + "." + extractorKey, "the model id of " + what + " is required");
        this.realId = p.stringParam("real", spec.data().isEmpty() ? null : spec.dataset());
        if (needsReal && realId == null) throw new PlanException(pf, p.prefix() + ".real", "the dataset id of the real images (or features) is required");
        int requested = p.intParam("samples", fakeId != null ? Integer.MAX_VALUE : 1000);
        if (requested < 2) throw new PlanException(pf, p.prefix() + ".samples", "at least 2 samples expected, got " + requested);
        this.batch = p.intParam("batch", 64);
        if (batch < 1) throw new PlanException(pf, p.prefix() + ".batch", "a positive batch size expected, got " + batch);
        this.seed = p.longParam("seed", ctx.seed());
        this.extractorModel = ctx.model(extractorId);
        this.extractor = ctx.featureExtractor(extractorId);
        this.generator = fakeId == null ? ctx.imageGenerator(subjectId) : null;
        this.fakeImages = fakeId == null ? null : fakeFolder(ctx, requested);
        this.samples = fakeImages != null ? fakeImages.size() : requested;
    }

    /** The samples folder capped at {@code samples} images, or null when {@code fake} names a feature file. */
    private ImageSource fakeFolder(AuditContext ctx, int limit) {
        DatasetRef d = ctx.dataset(fakeId);
        if (!Files.isDirectory(d.path())) return null;
        ImageFolderSource folder = ImageFolderSource.open(d.path(), 3);
        return limit >= folder.size() ? folder : new FirstImages(folder, limit);
    }

    /** Channels, height and width the real images are brought to: the generator's, or the samples folder's. */
    private int[] generatedShape() {
        if (generator != null) return new int[]{generator.channels(), generator.height(), generator.width()};
        if (fakeImages != null) {
            ImageFolderSource f = fakeImages instanceof FirstImages fi ? (ImageFolderSource) fi.source() : (ImageFolderSource) fakeImages;
            return new int[]{3, f.height(), f.width()};
        }
        return null;
    }

    /**
     * Streams the features of the real dataset to {@code sink} as {@code REAL} batches, extractor batch by extractor
     * batch (a feature file is sent whole): the metric's state decides what to keep.
     */
    void real(AuditContext ctx, Consumer<? super FeatureBatch> sink) {
        DatasetRef d = ctx.dataset(realId);
        try (AuditContext.Phase ph = ctx.phase(spec.id() + " real features", "evaluate", extractorId)) {
            long n;
            int[] shape = generatedShape();
            if (Files.isDirectory(d.path())) {
                ImageFolderSource src = shape == null ? ImageFolderSource.open(d.path(), 3) : ImageFolderSource.open(d.path(), shape[0]);
                if (shape != null && (src.height() != shape[1] || src.width() != shape[2])) {
                    src = src.resizedTo(shape[1], shape[2], Resize.Filter.BILINEAR, Resize.Precision.FLOAT);
                }
                n = images(FeatureBatch.Side.REAL, realId, src, ctx, sink);
            } else {
                n = featureFile(FeatureBatch.Side.REAL, d, "real", realId, ctx, sink);
            }
            if (n > 0) ph.units("images", n);
        }
    }

    private long images(FeatureBatch.Side side, String id, ImageSource src, AuditContext ctx, Consumer<? super FeatureBatch> sink) {
        return FeatureBatches.sendImages(side, id, src, extractor, batch, ctx.progress(), sink).count();
    }

    /** A {@code .npy}/{@code .npz} dataset whose feature dimension must match the extractor's, sent as batches of {@code side}. */
    private long featureFile(FeatureBatch.Side side, DatasetRef d, String key, String id, AuditContext ctx, Consumer<? super FeatureBatch> sink) {
        FeatureSet fs = FeatureSetLoader.load(d.path(), () -> extractor, batch, true, ctx.progress());
        if (fs.dim() != extractor.dimension()) {
            throw new PlanException(spec.planFile(), p.prefix() + "." + key, "dataset '" + id + "' holds " + fs.dim()
                    + "-d features but extractor '" + extractorId + "' produces " + extractor.dimension());
        }
        FeatureBatches.send(side, fs, sink);
        return fs.count();
    }

    /** Streams the features of {@code samples} generator samples (seeded), or of the {@code fake} dataset, as {@code FAKE} batches. */
    void fake(AuditContext ctx, Consumer<? super FeatureBatch> sink) {
        FeatureBatch.Side side = FeatureBatch.Side.FAKE;
        if (fakeId != null) {
            try (AuditContext.Phase ph = ctx.phase(spec.id() + " sample features", "evaluate", extractorId)) {
                long n = fakeImages != null
                        ? images(side, fakeId, fakeImages, ctx, sink)
                        : featureFile(side, ctx.dataset(fakeId), "fake", fakeId, ctx, sink);
                if (n > 0) ph.units("images", n);
                return;
            }
        }
        try (AuditContext.Phase ph = ctx.phase(spec.id() + " samples and features", "sample", subjectId)) {
            images(side, subjectId, generator.samples(samples, seed), ctx, sink);
            ph.units("images", samples);
        }
    }

    /** Whether the extractor is genaudit's own (trained or built in) rather than a loaded TorchScript/ONNX network. */
    boolean ownExtractor() {
        String t = extractorModel.type().toLowerCase(Locale.ROOT);
        return !(t.contains("torchscript") || t.contains("onnx"));
    }

    Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("features", extractorId);
        s.put("extractor", extractor.describe());
        s.put("extractor_dim", extractor.dimension());
        if (fakeId != null) {
            s.put("fake", fakeId);
            if (samples != Integer.MAX_VALUE) s.put("samples", samples);
        } else {
            s.put("samples", samples);
            s.put("seed", seed);
        }
        s.put("batch", batch);
        if (realId != null) s.put("real", realId);
        return s;
    }

    /** The caveats of the inputs, in words that fit any fidelity metric. */
    List<String> inputNotes() {
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Computed on features from %s (%d-d). Values from different extractors, image "
                + "sizes or sample counts are not comparable.", extractor.describe(), extractor.dimension()));
        if (ownExtractor()) {
            notes.add("The features come from genaudit's own extractor ('" + extractorId + "', type " + extractorModel.type()
                    + "), not InceptionV3: not comparable with published values.");
        }
        return notes;
    }

    String datasetLabel() {
        return realId == null ? "" : realId;
    }
}
