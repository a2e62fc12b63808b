package io.genaudit.metrics.bias;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HolisticBias-style descriptor templates: axes of descriptors (age: young, elderly, ...), nouns and sentence
 * templates. Templates use {@code {descriptor}} and {@code {noun}}, or HolisticBias's {@code {noun_phrase}} ("a/an
 * descriptor noun") and {@code {plural_noun_phrase}} ("descriptor nouns"). Loaded from genaudit's YAML/JSON section
 * or from HolisticBias's descriptors.json / nouns.json / sentence_templates.json.
 */
public record DescriptorSuite(Map<String, List<String>> axes, List<Noun> nouns, List<String> templates) {
    /** A noun with its plural ("woman", "women"). */
    public record Noun(String singular, String plural) {
    }

    /** One filled sentence. */
    public record Sentence(String axis, String descriptor, String template, String noun, String text) {
    }

    public DescriptorSuite {
        axes = new LinkedHashMap<>(axes);
        if (axes.isEmpty() || nouns.isEmpty() || templates.isEmpty()) throw new IllegalArgumentException("a descriptor suite needs axes, nouns and templates");
    }

    public List<Sentence> sentences() {
        List<Sentence> out = new ArrayList<>();
        for (var axis : axes.entrySet()) {
            for (String d : axis.getValue()) {
                for (String t : templates) {
                    for (Noun n : nouns) out.add(new Sentence(axis.getKey(), d, t, n.singular(), fill(t, d, n)));
                }
            }
        }
        return out;
    }

    static String fill(String template, String descriptor, Noun noun) {
        String np = article(descriptor) + " " + descriptor + " " + noun.singular();
        return template.replace("{noun_phrase}", np)
                .replace("{plural_noun_phrase}", descriptor + " " + noun.plural())
                .replace("{descriptor}", descriptor)
                .replace("{noun}", noun.singular());
    }

    static String article(String word) {
        return !word.isEmpty() && "aeiouAEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    /** From genaudit's suite section: {axes: {axis: [descriptors]}, nouns: [noun or [singular, plural]], templates: [..]}. */
    public static DescriptorSuite fromTree(JsonNode node, String source) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        JsonNode ax = node.path("axes");
        if (!ax.isObject() || ax.isEmpty()) throw new InputException(source, "descriptors.axes must map axis names to lists of descriptors");
        for (Iterator<Map.Entry<String, JsonNode>> it = ax.fields(); it.hasNext(); ) {
            var e = it.next();
            axes.put(e.getKey(), strings(e.getValue(), source, "descriptors.axes." + e.getKey()));
        }
        List<Noun> nouns = new ArrayList<>();
        for (JsonNode n : node.path("nouns")) nouns.add(noun(n, source));
        if (nouns.isEmpty()) throw new InputException(source, "descriptors.nouns must be a non-empty list");
        List<String> templates = strings(node.path("templates"), source, "descriptors.templates");
        return new DescriptorSuite(axes, nouns, templates);
    }

    /** From a directory with HolisticBias's descriptors.json, nouns.json and sentence_templates.json. */
    public static DescriptorSuite readHolisticBias(Path dir) {
        JsonNode desc = json(dir.resolve("descriptors.json")), nouns = json(dir.resolve("nouns.json")), templ = json(dir.resolve("sentence_templates.json"));
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = desc.fields(); it.hasNext(); ) {
            var e = it.next();
            List<String> ds = new ArrayList<>();
            collectDescriptors(e.getValue(), ds);
            if (!ds.isEmpty()) axes.put(e.getKey(), ds);
        }
        if (axes.isEmpty()) throw new InputException(dir.resolve("descriptors.json"), "expected {axis: {bucket: [descriptors]}} or {axis: [descriptors]}");
        List<Noun> ns = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = nouns.fields(); it.hasNext(); ) {
            for (JsonNode n : it.next().getValue()) ns.add(noun(n, dir.resolve("nouns.json").toString()));
        }
        if (ns.isEmpty()) throw new InputException(dir.resolve("nouns.json"), "expected {gender: [[singular, plural], ...]}");
        List<String> ts = new ArrayList<>();
        if (templ.isObject()) templ.fieldNames().forEachRemaining(ts::add);
        else for (JsonNode t : templ) ts.add(t.asText());
        if (ts.isEmpty()) throw new InputException(dir.resolve("sentence_templates.json"), "expected an object whose keys are templates");
        return new DescriptorSuite(axes, ns, ts);
    }

    private static void collectDescriptors(JsonNode n, List<String> out) {
        if (n.isTextual()) out.add(n.asText());
        else if (n.isObject() && n.has("descriptor")) out.add(n.get("descriptor").asText());
        else if (n.isArray()) for (JsonNode c : n) collectDescriptors(c, out);
        else if (n.isObject()) n.elements().forEachRemaining(c -> collectDescriptors(c, out));
    }

    private static Noun noun(JsonNode n, String source) {
        if (n.isTextual()) return new Noun(n.asText(), n.asText() + "s");
        if (n.isArray() && n.size() == 2) return new Noun(n.get(0).asText(), n.get(1).asText());
        throw new InputException(source, "a noun must be a string or a [singular, plural] pair, got " + n);
    }

    static List<String> strings(JsonNode n, String source, String field) {
        if (!n.isArray() || n.isEmpty()) throw new InputException(source, field + " must be a non-empty list of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode c : n) {
            if (!c.isTextual()) throw new InputException(source, field + " must contain strings, found " + c);
            out.add(c.asText());
        }
        return out;
    }

    static JsonNode json(Path p) {
        if (!Files.isRegularFile(p)) throw new InputException(p, "missing file (a HolisticBias directory needs descriptors.json, nouns.json, sentence_templates.json)");
        try {
            return new ObjectMapper().readTree(p.toFile());
        } catch (IOException e) {
            throw new InputException(p.toString(), "not valid JSON: " + e.getMessage(), e);
        }
    }
}
