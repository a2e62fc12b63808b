package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.plan.PlanException;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.metrics.bias.BiasSuite;
import io.genaudit.metrics.stats.MultipleComparisons;
import io.genaudit.reports.AuditResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code metric: bias-lm}: demographic-bias probes of a language model — CrowS-Pairs-style counterfactual pairs,
 * StereoSet, HolisticBias-style descriptor perplexities, co-occurrence prompts and generation sentiment/representation
 * — every gap with an effect size, an interval and a test corrected for multiple comparisons. {@code probes} is a
 * built-in suite ({@code genaudit-core}, {@code planted}), a CrowS-Pairs CSV, a StereoSet JSON, a BOLD prompt JSON, a
 * genaudit suite YAML or a HolisticBias directory; without it the audit's dataset path is used.
 */
public final class BiasLmAudit implements AuditModule {
    @Override
    public Boolean higherIsBetter() {
        return false;
    }

    @Override
    public String metric() {
        return "bias-lm";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("probes", "correction", "level", "bootstrap", "samples", "maxNewTokens", "temperature", "topK", "topP", "batch", "minLogOddsRatio");
    }

    @Override
    public Set<String> gateFields() {
        return Set.of("max_abs_gap", "significant_share", "stereotype_share", "likelihood_diff", "ss", "lms", "icat",
                "descriptor_significant_share", "log_odds_ratio", "representation_tvd", "association_tvd");
    }

    @Override
    public List<AuditResult> run(AuditContext ctx, AuditSpec spec) {
        Params p = spec.params();
        String modelId = spec.model();
        String probes = p.stringParam("probes", null);
        String dataset = null;
        if (probes == null) {
            if (spec.data().isEmpty()) throw new PlanException(spec.planFile(), p.prefix() + ".probes", "a probe suite (built-in name or file) or a dataset is required");
            var ref = ctx.dataset(spec.dataset());
            probes = ref.path().toString();
            dataset = ref.id();
        } else if (!BiasSuite.BUILTIN.contains(probes)) {
            Path path = resolve(probes, spec.planFile());
            if (!Files.exists(path)) throw new PlanException(spec.planFile(), p.prefix() + ".probes", "no such file or built-in suite " + BiasSuite.BUILTIN + ": '" + probes + "'");
            probes = path.toString();
            if (Files.isRegularFile(path)) ctx.recordFile("data", path);
        }
        BiasLmRunner.Settings settings = settings(p, spec.planFile(), ctx.seed());
        BiasSuite suite = BiasSuite.load(probes);
        LanguageModel lm = ctx.languageModel(modelId);
        BiasLmRunner.Outcome o;
        try (AuditContext.Phase ph = ctx.phase(spec.id(), "evaluate", modelId)) {
            o = BiasLmRunner.run(lm, suite, settings);
            ph.units("texts", o.units());
        }
        BiasResultParts.Parts parts = BiasResultParts.lm(o);
        Map<String, Object> s = new LinkedHashMap<>(settings.asMap());
        s.put("probes", probes);
        s.put("suite", suite.name());
        return List.of(new AuditResult(spec.id(), metric(), modelId, dataset != null ? dataset : probes, parts.value(), parts.unit(), parts.ci(),
                parts.n(), s, null, parts.details(), parts.charts(), List.of(), parts.tables(), parts.notes()));
    }

    static Path resolve(String file, String planFile) {
        Path p = Path.of(file);
        if (p.isAbsolute() || Files.exists(p) || planFile == null) return p;
        Path parent = Path.of(planFile).toAbsolutePath().getParent();
        return parent == null ? p : parent.resolve(p);
    }

    static BiasLmRunner.Settings settings(Params p, String planFile, long seed) {
        MultipleComparisons.Method m = CheckedParams.correction(p);
        double level = CheckedParams.level(p, planFile);
        int bootstrap = CheckedParams.bootstrap(p, planFile, 1000, false);
        int samples = p.intParam("samples", 3);
        if (samples < 1) throw new PlanException(planFile, p.prefix() + ".samples", "a positive number of generations per prompt expected, got " + samples);
        int batch = CheckedParams.positiveInt(p, planFile, "batch", 32);
        SamplingSettings sampling;
        try {
            sampling = new SamplingSettings(p.intParam("maxNewTokens", 30), p.doubleParam("temperature", 1.0), p.intParam("topK", 0), p.doubleParam("topP", 1.0), List.of());
        } catch (IllegalArgumentException e) {
            throw new PlanException(planFile, p.prefix(), "invalid sampling settings: " + e.getMessage());
        }
        double minLor = p.doubleParam("minLogOddsRatio", BiasLmRunner.DEFAULT_MIN_LOG_ODDS_RATIO);
        if (!(minLor >= 0) || Double.isInfinite(minLor)) {
            throw new PlanException(planFile, p.prefix() + ".minLogOddsRatio", "a finite log odds ratio >= 0 expected (0 tests exactly no association), got " + minLor);
        }
        return new BiasLmRunner.Settings(m, level, bootstrap, seed, samples, sampling, batch, minLor);
    }
}
