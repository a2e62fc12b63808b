package io.genaudit.spark;

import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.ModelProvider;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.PlanException;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.models.ContractCheckedLanguageModel;
import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.run.PhaseRecorder;
import io.genaudit.audits.run.RunContext;
import io.genaudit.engine.Progress;
import io.genaudit.engine.lm.LanguageModel;
import org.apache.spark.SparkContext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plan's language models on the Spark driver, loaded once each through the plan's own model providers (contract
 * checks at load, {@code train:} models trained into the cache, {@code fixture:} files materialized there), so the
 * driver can check the scoring options against the model, and ships each model's files to the executors once
 * ({@link LmSource}). Closes them at the end of the run.
 */
final class DriverLanguageModels implements AutoCloseable {
    private final Plan plan;
    private final Registry registry;
    private final RunContext ctx;
    private final SparkContext sc;
    private final Map<String, LoadedModel> loaded = new LinkedHashMap<>();
    private final Map<String, LmSource> shipped = new LinkedHashMap<>();

    DriverLanguageModels(SparkContext sc, Plan plan, Registry registry, Path out, Path cacheDir) {
        this.sc = sc;
        this.plan = plan;
        this.registry = registry;
        this.ctx = new RunContext(plan.file(), plan.seed(), out, cacheDir, Progress.SILENT, new PhaseRecorder(null));
    }


    /** The loaded model {@code id}, as a language model checked against the contract. */
    LanguageModel languageModel(String id) throws Exception {
        LoadedModel m = model(id);
        if (!(m.handle() instanceof LanguageModel lm)) {
            throw new PlanException(plan.file(), "models." + id, "model '" + id + "' is of type " + m.type() + ", but this audit needs a language model");
        }
        return ContractCheckedLanguageModel.wrap(id, lm);
    }

    /** The driver's audit context (model cache, plan files; no datasets). */
    RunContext context() {
        return ctx;
    }

    /** Model {@code id} as executors open it (its files shipped on first use). */
    LmSource source(String id) throws Exception {
        LmSource s = shipped.get(id);
        if (s == null) {
            s = LmSource.ship(sc, model(id), plan.file());
            shipped.put(id, s);
        }
        return s;
    }

    private LoadedModel model(String id) throws Exception {
        LoadedModel m = loaded.get(id);
        if (m != null) return m;
        ModelSpec spec = plan.models().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new PlanException(plan.file(), "models", "no model with id '" + id + "'"));
        ModelProvider provider = registry.providers().get(spec.type());
        m = provider.load(spec, ctx);
        loaded.put(id, m);
        return m;
    }

    @Override
    public void close() {
        for (LoadedModel m : loaded.values()) {
            try {
                m.close();
            } catch (Exception e) {
                System.err.println("genaudit-spark: warning: closing model " + m.id() + ": " + e);
            }
        }
    }
}
