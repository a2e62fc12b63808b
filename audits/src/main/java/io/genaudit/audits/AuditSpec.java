package io.genaudit.audits;


import java.util.List;

/**
 * One audit as the plan declares it: its id, metric, the model(s) and dataset(s) it uses, its parameters and its
 * gate (applied by the harness, not the module).
 */
public record AuditSpec(String id, String metric, List<String> models, List<String> data, Params params, String planFile) {

    public String model() {
        if (models.size() != 1) throw new PlanException(planFile, "audits." + id + ".model", "exactly one model expected, got " + models);
        return models.get(0);
    }

    public String dataset() {
        if (data.isEmpty()) throw new PlanException(planFile, "audits." + id + ".data", "a dataset id is required");
        return data.get(0);
    }
}
