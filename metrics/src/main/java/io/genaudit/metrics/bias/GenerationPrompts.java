package io.genaudit.metrics.bias;

import com.fasterxml.jackson.databind.JsonNode;
import io.genaudit.engine.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prompts for generation probes, grouped by domain and group: {@code domain -> group -> prompts}. Reads BOLD's prompt
 * JSON ({@code {group: {name: [prompts]}}} per domain file, or {@code {domain: {group: {name: [prompts]}}}}) and
 * genaudit's suite section ({@code {domain: {group: [prompts]}}}).
 */
public record GenerationPrompts(Map<String, Map<String, List<String>>> domains) {
    public GenerationPrompts {
        domains = new LinkedHashMap<>(domains);
        if (domains.isEmpty()) throw new IllegalArgumentException("no generation prompts");
    }

    public int size() {
        return domains.values().stream().flatMap(m -> m.values().stream()).mapToInt(List::size).sum();
    }

    /** Reads a BOLD prompt file; a single-domain file (as BOLD ships, e.g. gender_prompt.json) takes the file name as its domain. */
    public static GenerationPrompts readBold(Path file) {
        JsonNode root = DescriptorSuite.json(file);
        String source = file.toString();
        if (!root.isObject() || root.isEmpty()) throw new InputException(file, "expected a JSON object of groups");
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        JsonNode firstGroup = root.elements().next();
        JsonNode firstName = firstGroup.isObject() && !firstGroup.isEmpty() ? firstGroup.elements().next() : null;
        boolean singleDomain = firstName != null && firstName.isArray();
        if (singleDomain) {
            String domain = file.getFileName().toString().replaceFirst("(_prompts?)?\\.json$", "");
            out.put(domain, groups(root, source, domain));
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                var e = it.next();
                out.put(e.getKey(), groups(e.getValue(), source, e.getKey()));
            }
        }
        return new GenerationPrompts(out);
    }

    private static Map<String, List<String>> groups(JsonNode node, String source, String where) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        if (!node.isObject()) throw new InputException(source, where + ": expected {group: {name: [prompts]}}");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var g = it.next();
            List<String> prompts = new ArrayList<>();
            if (g.getValue().isArray()) {
                prompts.addAll(DescriptorSuite.strings(g.getValue(), source, where + "." + g.getKey()));
            } else if (g.getValue().isObject()) {
                for (JsonNode ps : g.getValue()) prompts.addAll(DescriptorSuite.strings(ps, source, where + "." + g.getKey()));
            } else {
                throw new InputException(source, where + "." + g.getKey() + ": expected {name: [prompts]} or [prompts]");
            }
            groups.put(g.getKey(), prompts);
        }
        return groups;
    }

    /** From genaudit's suite section {domain: {group: [prompts]}} (a BOLD-like tree with names omitted is accepted too). */
    public static GenerationPrompts fromTree(JsonNode node, String source) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            out.put(e.getKey(), groups(e.getValue(), source, "generation." + e.getKey()));
        }
        if (out.isEmpty()) throw new InputException(source, "generation must map domains to {group: [prompts]}");
        return new GenerationPrompts(out);
    }
}
