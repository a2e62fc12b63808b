package io.genaudit.audits.run;

import io.genaudit.audits.Params;
import io.genaudit.audits.PlanException;
import io.genaudit.audits.plan.PlannedAudit;
import io.genaudit.audits.plan.Problems;

import java.util.Set;

/**
 * The preflight's check of audit parameters that the metric modules share by name and type (counts, seeds, levels),
 * before any model is trained or loaded: {@code samples: ten} on the last audit is reported with the rest, not after
 * the first audits ran. Each module still checks its own parameters (and their ranges) when it runs.
 */
final class AuditParamsCheck {
    /** Parameters every module reads as a 32-bit integer. */
    private static final Set<String> INTS = Set.of("batch", "batchSize", "bootstrap", "folds", "k", "maxLength", "maxNewTokens",
            "points", "promptLength", "samples", "splits", "stride", "subsetSize", "subsets", "topK", "vendiMaxItems");
    /** Parameters every module reads as a finite number. */
    private static final Set<String> NUMBERS = Set.of("fpr", "minLogOddsRatio", "temperature", "topP");

    private AuditParamsCheck() {
    }

    static void check(PlannedAudit audit, Problems problems) {
        Params p = audit.spec().params();
        for (String k : INTS) problems.check(() -> p.intParam(k, 0));
        for (String k : NUMBERS) problems.check(() -> p.doubleParam(k, 0));
        problems.check(() -> p.longParam("seed", 0));
        problems.check(() -> {
            double level = p.doubleParam("level", 0.95);
            if (!(level > 0 && level < 1)) throw new PlanException(p.planFile(), p.prefix() + ".level", "a level in (0,1) expected, got " + level);
        });
    }
}
