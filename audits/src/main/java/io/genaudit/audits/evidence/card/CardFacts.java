package io.genaudit.audits.evidence.card;

import io.genaudit.engine.InputException;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.EnergyFigure;
import io.genaudit.values.EnergySite;
import io.genaudit.values.Interval;
import io.genaudit.reports.ModelRecord;
import io.genaudit.reports.PhaseRecord;
import io.genaudit.reports.Provenance;
import io.genaudit.reports.RunRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a model card says, read from a run record: the models it covers, their results (side-by-side comparisons
 * left out), the data revision of each result, the run's energy and where it ran. Both card formats share it.
 *
 * @param record the run record
 * @param models the models the card covers (one with {@code --model}, else all)
 */
public record CardFacts(RunRecord record, List<ModelRecord> models) {
    /** Selects {@code modelId} (null: every model); an unknown id is an {@link InputException}. */
    public static CardFacts of(RunRecord record, String modelId) {
        List<ModelRecord> all = record.models() == null ? List.of() : record.models();
        if (modelId == null) return new CardFacts(record, all);
        List<ModelRecord> one = all.stream().filter(m -> m.id().equals(modelId)).toList();
        if (one.isEmpty()) {
            throw new InputException("--model", "no model '" + modelId + "' in the run; known: " + all.stream().map(ModelRecord::id).toList());
        }
        return new CardFacts(record, one);
    }

    /** The results measured on {@code model} (comparisons between models left out). */
    public List<AuditResult> results(String model) {
        return record.audits().stream().filter(a -> Objects.equals(a.model(), model) && !a.id().startsWith("compare:")).toList();
    }

    /** The data revision of a result: the SHA-256 of the data it read, as the run recorded it, or null. */
    public static String dataRevision(AuditResult r) {
        Object sha = r.settings().get("data_sha256");
        if (sha instanceof List<?> l) return l.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(null);
        return sha == null ? null : sha.toString();
    }

    /** The Hugging Face task id for a genaudit metric. */
    public static String task(String metric) {
        return switch (metric) {
            case "perplexity", "diversity", "bias-lm" -> "text-generation";
            default -> "unconditional-image-generation";
        };
    }

    /** "95% CI 4.93 to 4.99 (percentile bootstrap ...)", or "no interval" when the result has none. */
    public static String intervalText(Interval ci) {
        if (ci == null) return "no interval";
        return String.format(Locale.ROOT, "%.0f%% CI %s to %s (%s)", 100 * ci.level(), num(ci.low()), num(ci.high()), ci.method());
    }

    /** A number with 4 significant digits, in the root locale. */
    public static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return String.valueOf(v);
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    /** The phases the card's emissions cover: those of the selected models, or all when every model is covered. */
    public List<PhaseRecord> phases() {
        Provenance p = record.provenance();
        if (p == null || p.phases() == null) return List.of();
        if (models.size() == (record.models() == null ? 0 : record.models().size())) return p.phases();
        List<String> ids = models.stream().map(ModelRecord::id).toList();
        return p.phases().stream().filter(ph -> ids.contains(ph.model())).toList();
    }

    /** Grams CO2e of {@link #phases()} with an energy figure. */
    public double grams() {
        return phases().stream().map(PhaseRecord::energy).filter(Objects::nonNull).mapToDouble(EnergyFigure::gramsCo2e).sum();
    }

    /** The energy methods behind {@link #grams()} (e.g. estimated-tdp), distinct, in order. */
    public List<String> energyMethods() {
        return phases().stream().map(PhaseRecord::energy).filter(Objects::nonNull).map(EnergyFigure::method).distinct().toList();
    }

    /** Whether the selected models were trained in this run (a {@code train} phase exists for them). */
    public boolean trainedHere() {
        return phases().stream().anyMatch(ph -> "train".equals(ph.kind()));
    }

    /** The energy assumptions the run recorded (PUE, intensity, location, hardware). */
    public Map<String, Object> assumptions() {
        Map<String, Object> a = record.provenance() == null ? null : record.provenance().energyAssumptions();
        return a == null ? Map.of() : a;
    }

    /** The typed location, intensity and hardware figures of the recorded energy assumptions. */
    public EnergySite site() {
        return EnergySite.from(assumptions());
    }

    /** "Germany (DE)" from the recorded location, or null. */
    public String location() {
        String country = site().countryName();
        String region = site().region();
        if (country == null) return region;
        return region == null ? country : country + " (" + region + ")";
    }

    /** "AMD EPYC, 2 logical CPUs" plus GPUs when any. */
    public String hardware() {
        Provenance p = record.provenance();
        List<String> parts = new ArrayList<>();
        if (p != null && p.cpuModel() != null) parts.add(p.cpuModel() + ", " + p.cores() + " logical CPUs");
        EnergySite site = site();
        if (site.gpuCount() > 0) parts.add(site.gpuCount() + " x " + (site.gpuModel() == null ? "GPU" : site.gpuModel()));
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
