package io.genaudit.metrics.bias;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.genaudit.engine.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of LM bias probes to run together, from any of: a built-in suite name ({@code genaudit-core}, {@code planted}),
 * genaudit's suite YAML (sections descriptors, cooccurrence, generation, representation, pairs), a CrowS-Pairs CSV, a
 * StereoSet JSON, a BOLD prompt JSON or a HolisticBias directory. Sections absent from the source are null.
 */
public record BiasSuite(String name, List<CrowsPair> pairs, List<StereoSetExample> stereoSet, DescriptorSuite descriptors,
                        CooccurrenceProbe.Suite cooccurrence, GenerationPrompts generation, RepresentationMeasures representation) {

    public static final List<String> BUILTIN = List.of("genaudit-core", "planted");

    /** Resolves {@code spec}: a built-in name, or a file/directory whose format is recognised from its name and content. */
    public static BiasSuite load(String spec) {
        if (spec.equals("planted")) return new BiasSuite("planted", PlantedSuites.pairs(), null, null, PlantedSuites.cooccurrence(), null, null);
        if (BUILTIN.contains(spec)) {
            try (InputStream in = BiasSuite.class.getResourceAsStream(spec + ".yaml")) {
                return fromYaml(new ObjectMapper(new YAMLFactory()).readTree(in), "builtin:" + spec);
            } catch (IOException e) {
                throw new IllegalStateException("built-in suite " + spec + " unreadable", e);
            }
        }
        Path p = Path.of(spec);
        if (Files.isDirectory(p)) {
            return new BiasSuite(p.getFileName().toString(), null, null, DescriptorSuite.readHolisticBias(p), null, null, null);
        }
        if (!Files.isRegularFile(p)) throw new InputException(spec, "not a built-in suite " + BUILTIN + " nor an existing file or HolisticBias directory");
        String name = p.getFileName().toString().toLowerCase();
        if (name.endsWith(".csv")) return new BiasSuite(name, CrowsPair.read(p), null, null, null, null, null);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            try {
                return fromYaml(new ObjectMapper(new YAMLFactory()).readTree(p.toFile()), p.toString());
            } catch (IOException e) {
                throw new InputException(p.toString(), "not valid YAML: " + e.getMessage(), e);
            }
        }
        if (name.endsWith(".json")) {
            JsonNode root = DescriptorSuite.json(p);
            if (root.path("data").has("intrasentence")) return new BiasSuite(name, null, StereoSetExample.read(p), null, null, null, null);
            return new BiasSuite(name, null, null, null, null, GenerationPrompts.readBold(p), null);
        }
        throw new InputException(p, "unknown probe file type: expected .csv (CrowS-Pairs), .json (StereoSet or BOLD), .yaml (genaudit suite) or a HolisticBias directory");
    }

    static BiasSuite fromYaml(JsonNode root, String source) {
        if (root == null || !root.isObject()) throw new InputException(source, "a suite must be a YAML mapping with sections descriptors/cooccurrence/generation/representation/pairs");
        DescriptorSuite ds = root.has("descriptors") ? DescriptorSuite.fromTree(root.get("descriptors"), source) : null;
        CooccurrenceProbe.Suite co = root.has("cooccurrence") ? cooccurrence(root.get("cooccurrence"), source) : null;
        GenerationPrompts gen = root.has("generation") ? GenerationPrompts.fromTree(root.get("generation"), source) : null;
        RepresentationMeasures rep = root.has("representation") ? representation(root.get("representation"), source) : null;
        List<CrowsPair> pairs = null;
        if (root.has("pairs")) {
            pairs = new ArrayList<>();
            for (JsonNode r : root.get("pairs")) {
                if (!r.hasNonNull("sent_more") || !r.hasNonNull("sent_less")) throw new InputException(source, "pairs[" + pairs.size() + "] needs sent_more and sent_less");
                pairs.add(new CrowsPair(pairs.size(), r.get("sent_more").asText(), r.get("sent_less").asText(),
                        r.path("stereo_antistereo").asText("stereo"), r.path("bias_type").asText("unspecified")));
            }
        }
        if (ds == null && co == null && gen == null && pairs == null) throw new InputException(source, "the suite has none of the sections descriptors, cooccurrence, generation, pairs");
        return new BiasSuite(root.path("name").asText(source), pairs, null, ds, co, gen, rep);
    }

    private static CooccurrenceProbe.Suite cooccurrence(JsonNode n, String source) {
        JsonNode a = n.path("group_a"), b = n.path("group_b");
        Map<String, List<String>> sets = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("prompt_sets").fields(); it.hasNext(); ) {
            var e = it.next();
            sets.put(e.getKey(), DescriptorSuite.strings(e.getValue(), source, "cooccurrence.prompt_sets." + e.getKey()));
        }
        if (sets.isEmpty()) throw new InputException(source, "cooccurrence.prompt_sets must map set names to prompt lists");
        List<CooccurrenceProbe.Contrast> contrasts = new ArrayList<>();
        for (JsonNode c : n.path("contrasts")) {
            if (!c.isArray() || c.size() != 2) throw new InputException(source, "cooccurrence.contrasts entries must be [set, set]");
            contrasts.add(new CooccurrenceProbe.Contrast(c.get(0).asText(), c.get(1).asText()));
        }
        try {
            return new CooccurrenceProbe.Suite(a.path("name").asText("A"), DescriptorSuite.strings(a.path("terms"), source, "cooccurrence.group_a.terms"),
                    b.path("name").asText("B"), DescriptorSuite.strings(b.path("terms"), source, "cooccurrence.group_b.terms"), sets, contrasts);
        } catch (IllegalArgumentException e) {
            throw new InputException(source, "cooccurrence: " + e.getMessage());
        }
    }

    private static RepresentationMeasures representation(JsonNode n, String source) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("groups").fields(); it.hasNext(); ) {
            var e = it.next();
            groups.put(e.getKey(), DescriptorSuite.strings(e.getValue(), source, "representation.groups." + e.getKey()));
        }
        if (groups.size() < 2) throw new InputException(source, "representation.groups needs at least two groups of words");
        List<String> targets = n.has("targets") ? DescriptorSuite.strings(n.get("targets"), source, "representation.targets") : List.of();
        return new RepresentationMeasures(groups, targets);
    }
}
