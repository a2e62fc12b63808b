package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.DatasetRef;
import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.Params;
import io.genaudit.audits.plan.PlanException;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.Resize;
import io.genaudit.metrics.fidelity.FeatureSet;
import io.genaudit.metrics.fidelity.FeatureSetLoader;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the fidelity audit modules share: reading the plan parameters ({@code real}, {@code samples},
 * {@code features}, {@code batch}, {@code seed}, {@code bootstrap}, {@code level}), extracting features of the real
 * dataset (image folder resized to the generator's size, {@code .npy} features or {@code .npz} statistics) and of
 * {@code samples} seeded generator samples, and the settings and notes every fidelity result carries.
 */
final class FidelityAuditInputs {
    /** Parameters every fidelity module accepts. */
    static final List<String> COMMON = List.of("real", "samples", "features", "batch", "seed", "bootstrap", "level");

    /** The parameters a fidelity module accepts: {@link #COMMON} ({@code real} left out unless {@code usesReal}) plus {@code extra}. */
    static Set<String> parameters(boolean usesReal, String... extra) {
        Set<String> s = new HashSet<>(COMMON);
        if (!usesReal) s.remove("real");
        s.addAll(List.of(extra));
        return s;
    }

    final AuditSpec spec;
    final Params p;
    final String generatorId;
    final String extractorId;
    final String realId;
    final int samples;
    final int batch;
    final long seed;
    final int bootstrap;
    final double level;
    final LoadedModel extractorModel;
    final ImageFeatureExtractor extractor;
    final ImageGenerator generator;

    FidelityAuditInputs(AuditContext ctx, AuditSpec spec, boolean needsReal) {
        this.spec = spec;
        this.p = spec.params();
        String pf = spec.planFile();
        this.generatorId = spec.model();
        this.extractorId = p.stringParam("features", null);
        if (extractorId == null) throw new PlanException(pf, p.prefix() + ".features", "the model id of a feature extractor is required");
        this.realId = p.stringParam("real", spec.data().isEmpty() ? null : spec.dataset());
        if (needsReal && realId == null) throw new PlanException(pf, p.prefix() + ".real", "the dataset id of the real images (or features) is required");
        this.samples = p.intParam("samples", 1000);
        if (samples < 2) throw new PlanException(pf, p.prefix() + ".samples", "at least 2 samples expected, got " + samples);
        this.batch = p.intParam("batch", 64);
        if (batch < 1) throw new PlanException(pf, p.prefix() + ".batch", "a positive batch size expected, got " + batch);
        this.seed = p.longParam("seed", ctx.seed());
        this.bootstrap = CheckedParams.bootstrap(p, pf, 200, true);
        this.level = CheckedParams.level(p, pf);
        this.extractorModel = ctx.model(extractorId);
        this.extractor = ctx.featureExtractor(extractorId);
        this.generator = ctx.imageGenerator(generatorId);
    }

    /** Features of the real dataset; rows kept when {@code keepRows}. */
    FeatureSet real(AuditContext ctx, boolean keepRows) {
        DatasetRef d = ctx.dataset(realId);
        try (AuditContext.Phase ph = ctx.phase(spec.id() + " real features", "evaluate", extractorId)) {
            FeatureSet fs;
            if (Files.isDirectory(d.path())) {
                ImageFolderSource src = ImageFolderSource.open(d.path(), generator.channels());
                if (src.height() != generator.height() || src.width() != generator.width()) {
                    src = src.resizedTo(generator.height(), generator.width(), Resize.Filter.BILINEAR, Resize.Precision.FLOAT);
                }
                fs = FeatureSetLoader.fromImages(realId, src, extractor, batch, keepRows, ctx.progress());
            } else {
                fs = FeatureSetLoader.load(d.path(), () -> extractor, batch, keepRows, ctx.progress());
                if (fs.dim() != extractor.dimension()) {
                    throw new PlanException(spec.planFile(), p.prefix() + ".real", "dataset '" + realId + "' holds " + fs.dim()
                            + "-d features but extractor '" + extractorId + "' produces " + extractor.dimension());
                }
            }
            if (fs.count() > 0) ph.units("images", fs.count());
            return fs;
        }
    }

    /** Features of {@code samples} generator samples (seeded). */
    FeatureSet fake(AuditContext ctx, boolean keepRows) {
        try (AuditContext.Phase ph = ctx.phase(spec.id() + " samples and features", "sample", generatorId)) {
            FeatureSet fs = FeatureSetLoader.fromImages(generatorId, generator.samples(samples, seed), extractor, batch, keepRows, ctx.progress());
            ph.units("images", samples);
            return fs;
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
        s.put("samples", samples);
        s.put("seed", seed);
        s.put("batch", batch);
        if (realId != null) s.put("real", realId);
        return s;
    }

    List<String> notes(String metricName) {
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "%s computed on features from %s (%d-d). Values from different extractors, image "
                + "sizes or sample counts are not comparable.", metricName, extractor.describe(), extractor.dimension()));
        if (ownExtractor()) {
            notes.add("The features come from genaudit's own extractor ('" + extractorId + "', type " + extractorModel.type()
                    + "), not InceptionV3: not comparable with published " + metricName + " values.");
        }
        return notes;
    }

    /** The plan seed folded into numpy's 32-bit seed range (what torch-fidelity's subset and split shuffles use). */
    long numpySeed() {
        return seed & 0xFFFFFFFFL;
    }

    String datasetLabel() {
        return realId == null ? "" : realId;
    }
}
