package io.genaudit.audits.plan;

import io.genaudit.engine.InputException;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a plan runs: the plan's {@code execution: {engine: local|spark, master: URL, partitions: N, tree_depth: N}}
 * block, or the command line's {@code --engine}/{@code --spark-master}/{@code --partitions}, which override it field
 * by field. {@code local} (the default) runs in this JVM; {@code spark} hands the plan to the genaudit-spark module.
 * Null fields are unset (Spark's defaults apply).
 *
 * @param engine     {@value #LOCAL} or {@value #SPARK}
 * @param master     the Spark master URL ({@code local[4]}, {@code spark://host:7077}, {@code yarn}, {@code k8s://...}), or null
 * @param partitions range partitions per input table (at least 1), or null
 * @param treeDepth  treeReduce depth of the state merge (at least 2), or null
 */
public record ExecutionSpec(String engine, String master, Integer partitions, Integer treeDepth) {
    public static final String LOCAL = "local";
    public static final String SPARK = "spark";
    /** The block's keys. */
    public static final Set<String> KEYS = Set.of("engine", "master", "partitions", "tree_depth");
    /** Master URLs Spark accepts: local modes and the cluster managers. */
    private static final Pattern MASTER = Pattern.compile(
            "local(\\[(\\*|[1-9][0-9]*)(,\\s*[1-9][0-9]*)?])?|local-cluster\\[[1-9][0-9]*,\\s*[1-9][0-9]*,\\s*[1-9][0-9]*]"
                    + "|spark://[^\\s/]+(,[^\\s/]+)*/?|yarn|k8s://\\S+");

    /** The plan without an {@code execution} block: this JVM. */
    public static final ExecutionSpec DEFAULT = new ExecutionSpec(LOCAL, null, null, null);

    /**
     * Checks the fields, naming {@code where} (the plan field or the option) in the error.
     *
     * @throws InputException on an unknown engine, a malformed master, partitions below 1 or a depth below 2, and on
     *                        Spark settings for the local engine
     */
    public ExecutionSpec check(String where) {
        String problem = problem();
        if (problem != null) throw new InputException(where, problem);
        return this;
    }

    /** What is wrong with these settings, or null. */
    private String problem() {
        if (!engine.equals(LOCAL) && !engine.equals(SPARK)) return "engine '" + engine + "' unknown; expected local or spark";
        if (master != null && !MASTER.matcher(master).matches()) {
            return "master '" + master + "' is not a Spark master URL (local[N], local[*], spark://HOST:7077, yarn, k8s://URL)";
        }
        if (partitions != null && partitions < 1) return "partitions must be at least 1, got " + partitions;
        if (treeDepth != null && treeDepth < 2) return "tree_depth must be at least 2 (treeReduce), got " + treeDepth;
        if (engine.equals(LOCAL) && (master != null || partitions != null || treeDepth != null)) {
            return "master, partitions and tree_depth apply to engine spark only; set engine: spark (or --engine spark)";
        }
        return null;
    }

    /** Whether the plan runs on Spark. */
    public boolean spark() {
        return engine.equals(SPARK);
    }

    /** Whether {@code master} is a cluster manager (not a {@code local} mode), so a driver must be submitted to it. */
    public static boolean clusterMaster(String master) {
        return master != null && !master.startsWith("local");
    }

    /**
     * This block with the command line's settings on top: each non-null argument replaces the plan's field; a master
     * or partition count on the command line implies the spark engine unless {@code engineFlag} says otherwise, and
     * {@code --engine local} drops the plan's Spark settings.
     */
    public ExecutionSpec overriddenBy(String engineFlag, String masterFlag, Integer partitionsFlag) {
        if (LOCAL.equals(engineFlag) && masterFlag == null && partitionsFlag == null) return DEFAULT;
        String e = engineFlag != null ? engineFlag : (masterFlag != null || partitionsFlag != null) ? SPARK : engine;
        return new ExecutionSpec(e, masterFlag != null ? masterFlag : master, partitionsFlag != null ? partitionsFlag : partitions,
                treeDepth).check("--engine/--spark-master/--partitions");
    }

    /** Parses the plan's {@code execution} block; errors name the field and its line. */
    static ExecutionSpec parse(YamlTree.At node) {
        Map<String, YamlTree.At> f = node.map(KEYS, null);
        String engine = f.containsKey("engine") ? f.get("engine").string() : LOCAL;
        if (!engine.equals(LOCAL) && !engine.equals(SPARK)) throw f.get("engine").error("local or spark expected, got '" + engine + "'");
        String master = f.containsKey("master") ? f.get("master").string() : null;
        Integer partitions = f.containsKey("partitions") ? atLeast(f.get("partitions"), 1) : null;
        Integer depth = f.containsKey("tree_depth") ? atLeast(f.get("tree_depth"), 2) : null;
        ExecutionSpec spec = new ExecutionSpec(engine, master, partitions, depth);
        String problem = spec.problem();
        if (problem != null) throw (master != null && !MASTER.matcher(master).matches() ? f.get("master") : node).error(problem);
        return spec;
    }

    private static int atLeast(YamlTree.At n, int min) {
        long v = n.integer();
        if (v < min || v > Integer.MAX_VALUE) throw n.error("an integer of at least " + min + " expected, got " + v);
        return (int) v;
    }
}
