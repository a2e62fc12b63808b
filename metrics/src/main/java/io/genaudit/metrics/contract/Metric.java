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

    /** Name, direction, documentation page and mergeability. */
    MetricInfo info();

    /** The parameter record's class; {@link ParamSchema#of} reads its components. */
    Class<P> parameterType();

    /** The input batch type; the harness finds the plan and command-line input adapters by it. */
    Class<I> inputType();

    /** The result record's class; its components are the output keys. */
    Class<R> resultType();

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
