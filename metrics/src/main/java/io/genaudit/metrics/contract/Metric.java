package io.genaudit.metrics.contract;

import java.io.Serializable;

/**
 * One metric, written once: typed parameters {@code P} (a record whose components carry {@link Param} defaults and
 * help), a mergeable state {@code S} that {@link #update} grows batch by batch and {@link #merge} combines across
 * shards (threads, files, Spark partitions), and a typed result {@code R} from {@link #compute}. The plan module, the
 * command line command, the gate fields and the report section are generated from this one class (see
 * docs/add-a-metric.md), so parameters, defaults and output keys cannot drift apart.
 *
 * <p>The merge law every implementation must keep (checked by the registry contract test): for any split of the
 * batches into shards, merging the shards' states in any tree order and computing gives the same result as one pass,
 * up to floating-point rounding. A metric whose exact value needs every item (kernel subsets, k-NN, AUC) keeps the
 * items in its state and says so in {@link MetricInfo#mergeability()}.
 *
 * @param <P> parameters: a record, components annotated with {@link Param}
 * @param <I> one batch of input (features, per-document scores, generations, labelled scores ...); metrics that read
 *            the same kind of input share its type, and so share the plan and command-line input adapters
 * @param <S> the state: serializable so shards can travel between JVMs
 * @param <R> the result: a record implementing {@link MetricResult}; its numeric components are the gate fields and
 *            output keys
 */
public interface Metric<P extends Record, I, S extends Serializable, R extends Record & MetricResult> {

    /** Name, direction, documentation page and mergeability: by default as the class's {@link MetricDescription} declares them. */
    default MetricInfo info() {
        MetricDescription d = getClass().getAnnotation(MetricDescription.class);
        if (d == null) throw new IllegalStateException(getClass().getName() + " has no @MetricDescription and does not override info()");
        String docPage = d.docPage().isEmpty() ? "docs/metrics/" + d.name() + ".md" : d.docPage();
        return new MetricInfo(d.name(), d.title(), d.summary(), d.direction(), docPage, d.mergeability(), java.util.List.of(d.aliases()));
    }

    /** The parameter record's class (read from the declaration); {@link ParamSchema#of} reads its components. */
    default Class<P> parameterType() {
        return TypeArguments.of(getClass(), Metric.class, 0);
    }

    /** The input batch type (read from the declaration); the harness finds the plan and command-line input adapters by it. */
    default Class<I> inputType() {
        return TypeArguments.of(getClass(), Metric.class, 1);
    }

    /** The result record's class (read from the declaration); its components are the output keys. */
    default Class<R> resultType() {
        return TypeArguments.of(getClass(), Metric.class, 3);
    }

    /** An empty state for these parameters. */
    S newState(P params);

    /** Adds one batch to the state and returns the state (it may be the same object, updated in place). */
    S update(S state, I batch);

    /** Combines two shards' states; may reuse either argument. Associative, and commutative up to rounding. */
    S merge(S a, S b);

    /** The result from a final state. */
    R compute(S state, P params);

    /** The parameter schema of this metric (component names, defaults, help, checks). */
    default ParamSchema<P> parameters() {
        return ParamSchema.of(parameterType());
    }

    /** The gate fields of this metric: {@code value} and every other numeric component of the result. */
    default GateFields<R> gateFields() {
        return GateFields.of(resultType());
    }
}
