package io.genaudit.metrics.bias;

import io.genaudit.metrics.contract.MetricState;
import java.util.List;
import java.util.TreeMap;

/**
 * The state of {@code bias-lm}: every scored item keyed by its global id (the tests and effect sizes need all items:
 * exact binomial tests, Mann-Whitney U, bootstraps), with the suite facts every batch must agree on. Merging is a
 * union of disjoint id ranges, so any merge order gives the items of one pass.
 */
public final class LmProbeState implements MetricState<LmProbeScores, LmProbeState> {
    private static final long serialVersionUID = 1L;
    private LmSuiteFacts suite;
    private final TreeMap<Long, LmProbeItem> items = new TreeMap<>();

    @Override
    public LmProbeState add(LmProbeScores batch) {
        agree(batch.suite());
        for (int i = 0; i < batch.items().size(); i++) put(batch.firstId() + i, batch.items().get(i));
        return this;
    }

    @Override
    public LmProbeState merge(LmProbeState other) {
        if (other.suite != null) agree(other.suite);
        other.items.forEach(this::put);
        return this;
    }

    /** The suite facts (null before the first batch). */
    public LmSuiteFacts suite() {
        return suite;
    }

    /** The items of one kind, in id order. */
    public <T extends LmProbeItem> List<T> items(Class<T> kind) {
        return items.values().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** How many items the state holds. */
    public int size() {
        return items.size();
    }

    private void agree(LmSuiteFacts facts) {
        if (suite == null) suite = facts;
        else if (!suite.equals(facts)) throw new IllegalStateException("bias-lm batches from different suites or scorings: '" + suite.name() + "' and '" + facts.name() + "'");
    }

    private void put(long id, LmProbeItem item) {
        if (items.putIfAbsent(id, item) != null) throw new IllegalStateException("bias-lm item " + id + " given twice");
    }
}
