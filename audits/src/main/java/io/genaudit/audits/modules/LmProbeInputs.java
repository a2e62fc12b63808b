package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.metric.InputAdapter;
import io.genaudit.audits.metric.InputFeed;
import io.genaudit.audits.PlanException;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.metrics.bias.BiasSuite;
import io.genaudit.metrics.bias.LmProbeScores;
import io.genaudit.metrics.bias.LmProbeScoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Plan inputs of {@code bias-lm}: the audited language model's scores of a probe suite. {@code probes} is a built-in
 * suite ({@code genaudit-core}, {@code planted}), a CrowS-Pairs CSV, a StereoSet JSON, a BOLD prompt JSON, a genaudit
 * suite YAML or a HolisticBias directory (relative paths from the plan's folder); without it the audit's dataset path
 * is used. {@code samples}, {@code maxNewTokens}, {@code temperature}, {@code topK}, {@code topP} drive the generation
 * probe (seeded by {@code seed}, default the run's seed), {@code batch} the texts per model call.
 */
public final class LmProbeInputs implements InputAdapter<LmProbeScores> {
    @Override
    public Set<String> planParameters() {
        return Set.of("probes", "samples", "maxNewTokens", "temperature", "topK", "topP", "batch", "seed");
    }

    @Override
    public InputFeed<LmProbeScores> open(AuditContext ctx, AuditSpec spec) {
        Params p = spec.params();
        ProbeSource source = probeSource(ctx, spec);
        LmProbeScoring scoring = scoring(p, spec.planFile(), p.longParam("seed", ctx.seed()));
        BiasSuite suite = BiasSuite.load(source.probes());
        String modelId = spec.model();
        Map<String, Object> settings = settings(source.probes(), suite, scoring);
        return new DescribedFeed<>(modelId, source.dataset() != null ? source.dataset() : source.probes(), settings, List.of()) {
            @Override
            public void feed(Consumer<? super LmProbeScores> sink) {
                LanguageModel lm = ctx.languageModel(modelId);
                try (AuditContext.Phase ph = ctx.phase(spec.id() + " score probes", "evaluate", modelId)) {
                    ph.units("items", scoring.score(lm, suite, sink));
                }
            }
        };
    }

    /** Where the probes come from: a built-in name or a checked path, and the dataset id when they are the audit's dataset. */
    public record ProbeSource(String probes, String dataset) {
    }

    /** The probes of a plan entry: {@code probes:} (a built-in suite or a file) or the audit's dataset. */
    public static ProbeSource probeSource(AuditContext ctx, AuditSpec spec) {
        Params p = spec.params();
        String probes = p.stringParam("probes", null);
        if (probes == null) {
            if (spec.data().isEmpty()) throw new PlanException(spec.planFile(), p.prefix() + ".probes", "a probe suite (built-in name or file) or a dataset is required");
            var ref = ctx.dataset(spec.dataset());
            return new ProbeSource(ref.path().toString(), ref.id());
        }
        if (BiasSuite.BUILTIN.contains(probes)) return new ProbeSource(probes, null);
        Path path = resolve(probes, spec.planFile());
        if (!Files.exists(path)) throw new PlanException(spec.planFile(), p.prefix() + ".probes", "no such file or built-in suite " + BiasSuite.BUILTIN + ": '" + probes + "'");
        if (Files.isRegularFile(path)) ctx.recordFile("data", path);
        return new ProbeSource(path.toString(), null);
    }

    static Path resolve(String file, String planFile) {
        Path p = Path.of(file);
        if (p.isAbsolute() || Files.exists(p) || planFile == null) return p;
        Path parent = Path.of(planFile).toAbsolutePath().getParent();
        return parent == null ? p : parent.resolve(p);
    }

    /** The scoring settings of a plan entry ({@code samples}, sampling, {@code batch}); a bad one names its plan field. */
    public static LmProbeScoring scoring(Params p, String planFile, long seed) {
        int samples = p.intParam("samples", 3);
        if (samples < 1) throw new PlanException(planFile, p.prefix() + ".samples", "a positive number of generations per prompt expected, got " + samples);
        int batch = CheckedParams.positiveInt(p, planFile, "batch", 32);
        try {
            SamplingSettings sampling = new SamplingSettings(p.intParam("maxNewTokens", 30), p.doubleParam("temperature", 1.0),
                    p.intParam("topK", 0), p.doubleParam("topP", 1.0), List.of());
            return new LmProbeScoring(sampling, samples, seed, batch);
        } catch (IllegalArgumentException e) {
            throw new PlanException(planFile, p.prefix(), "invalid sampling settings: " + e.getMessage());
        }
    }

    /** The input settings a bias-lm result records, shared with the command line. */
    public static Map<String, Object> settings(String probes, BiasSuite suite, LmProbeScoring scoring) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("probes", probes);
        s.put("suite", suite.name());
        s.put("samples", scoring.samplesPerPrompt());
        s.put("max_new_tokens", scoring.sampling().maxNewTokens());
        s.put("temperature", scoring.sampling().temperature());
        s.put("top_k", scoring.sampling().topK());
        s.put("top_p", scoring.sampling().topP());
        s.put("batch", scoring.batch());
        return s;
    }
}
