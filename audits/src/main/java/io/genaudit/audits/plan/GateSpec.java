package io.genaudit.audits.plan;

/**
 * A gate on one audit's result: {@code {max: 40}}, {@code {min: 0.9, on: auc}}, or against a baseline run
 * {@code {baseline: run.json, maxWorsening: 5%}}. {@code field} is {@code value} unless {@code on:} names a detail.
 *
 * @param op        {@code max}, {@code min} or {@code non-inferior}
 * @param threshold the bound for max/min; the allowed relative worsening (0.05) for non-inferior
 * @param baseline  path of the baseline run.json (non-inferior only), resolved against the plan's folder
 * @param higherIsBetter for non-inferior: the direction of improvement (null: from the metric's convention)
 */
public record GateSpec(String op, double threshold, String field, String baseline, Boolean higherIsBetter) {
}
