package io.genaudit.audits.layers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which genaudit package refers to which, built from source files with {@link JavaReferenceScanner}, and the package
 * cycles in it (strongly connected components of more than one package, found with Tarjan's algorithm). Each edge
 * keeps the {@code File -> Name} references that make it, so a reported cycle says which imports to move.
 */
final class PackageGraph {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    /** package -> referenced package -> the references ({@code File.java -> io.genaudit...Name}) behind the edge. */
    private final Map<String, Map<String, Set<String>>> edges = new TreeMap<>();

    /** Adds the references of one source file, named {@code fileName} in messages. */
    void add(String fileName, String source) {
        add(fileName, source, JavaReferenceScanner.references(source));
    }

    /** Adds the references of one source file, already scanned into {@code references}. */
    void add(String fileName, String source, List<JavaReferenceScanner.Reference> references) {
        Matcher m = PACKAGE.matcher(JavaReferenceScanner.codeOnly(source));
        if (!m.find()) return;
        String from = m.group(1);
        Map<String, Set<String>> out = edges.computeIfAbsent(from, k -> new TreeMap<>());
        for (JavaReferenceScanner.Reference ref : references) {
            String to = packageOf(ref.name());
            if (!to.equals(from)) {
                out.computeIfAbsent(to, k -> new TreeSet<>()).add(fileName + " -> " + ref.name());
            }
        }
    }

    /**
     * The package of a referenced name: the segments before the first one that starts with a capital letter
     * ({@code io.genaudit.audits.plan.PlanParser.parse} -> {@code io.genaudit.audits.plan}); a wildcard import
     * names its package.
     */
    static String packageOf(String name) {
        StringBuilder pkg = new StringBuilder();
        for (String part : name.split("\\.")) {
            if (part.equals("*") || Character.isUpperCase(part.charAt(0))) break;
            if (!pkg.isEmpty()) pkg.append('.');
            pkg.append(part);
        }
        return pkg.toString();
    }

    /** Every cycle: the packages of each strongly connected component with more than one member, sorted. */
    List<List<String>> cycles() {
        return new Tarjan().components().stream().filter(c -> c.size() > 1)
                .map(c -> c.stream().sorted().toList())
                .sorted(Comparator.comparing(c -> c.get(0))).toList();
    }

    /** The edges inside {@code cycle}, each with its references: what a failure message shows. */
    List<String> explain(List<String> cycle) {
        List<String> lines = new ArrayList<>();
        for (String from : cycle) {
            for (String to : cycle) {
                Set<String> why = edges.getOrDefault(from, Map.of()).get(to);
                if (why != null) lines.add(from + " -> " + to + ": " + why);
            }
        }
        return lines;
    }

    /** Tarjan's strongly connected components over {@link #edges}, iterative so that deep graphs cannot overflow. */
    private final class Tarjan {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<List<String>> components = new ArrayList<>();

        List<List<String>> components() {
            for (String v : edges.keySet()) {
                if (!index.containsKey(v)) visit(v);
            }
            return components;
        }

        /** Depth-first from {@code root}; each frame holds a package and the successors it has yet to explore. */
        private void visit(String root) {
            Deque<Map.Entry<String, List<String>>> frames = new ArrayDeque<>();
            open(root, frames);
            while (!frames.isEmpty()) {
                String v = frames.peek().getKey();
                List<String> pending = frames.peek().getValue();
                if (!pending.isEmpty()) {
                    String w = pending.remove(pending.size() - 1);
                    if (!index.containsKey(w)) {
                        open(w, frames);
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                frames.pop();
                if (!frames.isEmpty()) {
                    String parent = frames.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) closeComponent(v);
            }
        }

        private void open(String v, Deque<Map.Entry<String, List<String>>> frames) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            frames.push(Map.entry(v, new ArrayList<>(edges.getOrDefault(v, Map.of()).keySet())));
        }

        private void closeComponent(String v) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            components.add(component);
        }
    }
}
