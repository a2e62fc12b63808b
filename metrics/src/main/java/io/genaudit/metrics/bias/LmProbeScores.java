package io.genaudit.metrics.bias;

import java.io.Serializable;
import java.util.List;

/**
 * One batch of input for {@code bias-lm}: scored probe items {@code firstId, firstId + 1, ...} of one suite, numbered
 * in suite order (pairs, StereoSet items, descriptor sentences, co-occurrence prompts, continuations) so that shards
 * merged in any order give the items of one pass in one order.
 *
 * @param suite   the suite and scoring facts shared by every batch of the run
 * @param firstId the global id of {@code items.get(0)}
 * @param items   the scored items
 */
public record LmProbeScores(LmSuiteFacts suite, long firstId, List<LmProbeItem> items) implements Serializable {
    public LmProbeScores {
        items = List.copyOf(items);
    }
}
