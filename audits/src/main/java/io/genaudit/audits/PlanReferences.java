package io.genaudit.audits;

import java.util.List;
import java.util.Set;

/**
 * Which plan parameters of an audit name other plan entries, so the plan parser can check them and report the line:
 * declared by audit modules and by the input adapters of generated modules alike.
 */
public interface PlanReferences {
    /**
     * Parameters whose value names a dataset id of the plan (a string or a list of strings); the plan parser checks
     * that each names a declared dataset and reports the line otherwise.
     */
    default Set<String> datasetParameters() {
        return Set.of();
    }

    /** Parameters whose value names a model id of the plan; checked by the plan parser like {@link #datasetParameters()}. */
    default Set<String> modelParameters() {
        return Set.of();
    }

    /**
     * The parameters that take generated samples as a dataset ({@code fake: DATASET_ID}, first the canonical name,
     * then accepted aliases) in place of a generator model; empty when the module needs a model. When not empty, the
     * plan parser requires exactly one of {@code model:} and these parameters.
     */
    default List<String> samplesParameters() {
        return List.of();
    }
}
