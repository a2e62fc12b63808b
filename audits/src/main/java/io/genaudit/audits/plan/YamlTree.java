package io.genaudit.audits.plan;

import io.genaudit.audits.PlanException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML document read as a node tree that remembers line numbers, so every plan error can say "plan.yaml line 12,
 * field audits[0].gate.max: a number expected". Values are converted to plain Java (String, Long, Double, Boolean,
 * List, Map) on request.
 */
public final class YamlTree {
    private final String file;

    private YamlTree(String file) {
        this.file = file;
    }

    /** A node with its field path in the plan. */
    public record At(Node node, String path, YamlTree tree) {
        public int line() {
            return node.getStartMark() == null ? -1 : node.getStartMark().getLine() + 1;
        }

        public PlanException error(String message) {
            return new PlanException(tree.file, path + (line() > 0 ? " (line " + line() + ")" : ""), message);
        }

        public boolean isMap() {
            return node instanceof MappingNode;
        }

        public boolean isList() {
            return node instanceof SequenceNode;
        }

        public boolean isScalar() {
            return node instanceof ScalarNode;
        }

        /** The entries of a mapping, checked: keys must be in {@code allowed} and include {@code required}. */
        public Map<String, At> map(Set<String> allowed, Set<String> required) {
            if (!(node instanceof MappingNode m)) throw error("a mapping (key: value) expected, found " + kind());
            Map<String, At> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) throw error("keys must be plain strings");
                String key = k.getValue();
                String childPath = path.isEmpty() ? key : path + "." + key;
                if (allowed != null && !allowed.contains(key)) {
                    At bad = new At(t.getKeyNode(), childPath, tree);
                    throw bad.error("unknown key '" + key + "'; expected one of " + new java.util.TreeSet<>(allowed));
                }
                if (out.containsKey(key)) throw new At(t.getKeyNode(), childPath, tree).error("duplicate key '" + key + "'");
                out.put(key, new At(t.getValueNode(), childPath, tree));
            }
            if (required != null) {
                for (String r : required) {
                    if (!out.containsKey(r)) throw error("required key '" + r + "' is missing");
                }
            }
            return out;
        }

        public List<At> list() {
            if (!(node instanceof SequenceNode s)) throw error("a list expected, found " + kind());
            List<At> out = new ArrayList<>();
            for (int i = 0; i < s.getValue().size(); i++) out.add(new At(s.getValue().get(i), path + "[" + i + "]", tree));
            return out;
        }

        public String string() {
            if (!(node instanceof ScalarNode s)) throw error("a string expected, found " + kind());
            if (s.getTag().equals(Tag.NULL)) throw error("a value is required");
            return s.getValue();
        }

        /** A string or a list of strings (e.g. {@code model: a} or {@code model: [a, b]}). */
        public List<String> strings() {
            if (node instanceof ScalarNode) return List.of(string());
            List<String> out = new ArrayList<>();
            for (At a : list()) out.add(a.string());
            return out;
        }

        public double number() {
            Object v = plain();
            if (v instanceof Number n && Double.isFinite(n.doubleValue())) return n.doubleValue();
            throw error("a finite number expected, found '" + v + "'");
        }

        /** A whole number that fits a 64-bit long: larger values are refused, never wrapped or clamped. */
        public long integer() {
            Object v = plain();
            if (v instanceof Long l) return l;
            if (v instanceof java.math.BigInteger b) throw error("an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE + " expected, found " + b);
            if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) return d.longValue();
            throw error("an integer expected, found '" + v + "'");
        }

        /** The node as plain Java values (maps keep order). */
        public Object plain() {
            return toPlain(node);
        }

        private String kind() {
            if (node instanceof MappingNode) return "a mapping";
            if (node instanceof SequenceNode) return "a list";
            return "'" + ((ScalarNode) node).getValue() + "'";
        }
    }

    static Object toPlain(Node n) {
        if (n instanceof MappingNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) out.put(((ScalarNode) t.getKeyNode()).getValue(), toPlain(t.getValueNode()));
            return out;
        }
        if (n instanceof SequenceNode s) {
            List<Object> out = new ArrayList<>();
            for (Node c : s.getValue()) out.add(toPlain(c));
            return out;
        }
        ScalarNode s = (ScalarNode) n;
        Tag tag = s.getTag();
        String v = s.getValue();
        if (tag.equals(Tag.NULL)) return null;
        if (tag.equals(Tag.BOOL)) return Boolean.parseBoolean(v.toLowerCase());
        if (tag.equals(Tag.INT)) {
            String digits = v.replace("_", "");
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                // beyond 64 bits (or octal/hex forms): keep the exact value so range checks can refuse it, never a rounded double
                try {
                    return new java.math.BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
                } catch (NumberFormatException e2) {
                    return v;
                }
            }
        }
        if (tag.equals(Tag.FLOAT)) {
            String f = v.replace("_", "").toLowerCase(java.util.Locale.ROOT);
            if (f.equals(".nan")) return Double.NaN;
            if (f.endsWith(".inf")) return f.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            try {
                return Double.parseDouble(f);
            } catch (NumberFormatException e) {
                return v;
            }
        }
        return v;
    }

    /** Every field path under {@code root} (as errors name them: {@code models[1].train.epochs}) with its line. */
    public static Map<String, Integer> lines(At root) {
        Map<String, Integer> out = new LinkedHashMap<>();
        collectLines(root.node(), root.path(), out);
        return out;
    }

    private static void collectLines(Node n, String path, Map<String, Integer> out) {
        if (n.getStartMark() != null && !path.isEmpty()) out.putIfAbsent(path, n.getStartMark().getLine() + 1);
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    String child = path.isEmpty() ? k.getValue() : path + "." + k.getValue();
                    if (t.getKeyNode().getStartMark() != null) out.putIfAbsent(child, t.getKeyNode().getStartMark().getLine() + 1);
                    collectLines(t.getValueNode(), child, out);
                }
            }
        } else if (n instanceof SequenceNode s) {
            for (int i = 0; i < s.getValue().size(); i++) collectLines(s.getValue().get(i), path + "[" + i + "]", out);
        }
    }

    /** Parses {@code text} (from {@code file}) into its root node; a YAML syntax error names the line. */
    public static At parse(String file, String text) {
        LoaderOptions opts = new LoaderOptions();
        opts.setAllowDuplicateKeys(false);
        opts.setMaxAliasesForCollections(10);
        Yaml yaml = new Yaml(opts);
        YamlTree tree = new YamlTree(file);
        Node root;
        try {
            root = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? -1 : e.getProblemMark().getLine() + 1;
            throw new PlanException(file, "line " + line, "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new PlanException(file, "", "invalid YAML: " + e.getMessage());
        }
        if (root == null) throw new PlanException(file, "", "the plan is empty");
        return new At(root, "", tree);
    }
}
