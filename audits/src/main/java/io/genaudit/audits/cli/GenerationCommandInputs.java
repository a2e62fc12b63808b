package io.genaudit.audits.cli;

import io.genaudit.audits.metric.InputFeed;
import io.genaudit.audits.modules.DescribedFeed;
import io.genaudit.engine.InputException;
import io.genaudit.metrics.diversity.TextSample;
import io.genaudit.metrics.perplexity.TextDocuments;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Command-line inputs of the text-set metrics ({@code diversity}): a file of generations, one per non-empty line, and
 * optionally a file of reference texts in the same form.
 */
public final class GenerationCommandInputs implements CommandInputs<TextSample> {
    @Option(names = "--text", required = true, paramLabel = "FILE", description = "Generations, one per line (blank lines skipped).")
    Path text;

    @Option(names = "--reference", paramLabel = "FILE", description = "Reference texts, one per line: the same figures as reference_... (compare like with like: same count and length).")
    Path reference;

    @Override
    public InputFeed<TextSample> open() {
        List<String> lines = TextDocuments.lines(text);
        if (lines.size() < 2) throw new InputException(text, "at least two generations (lines) expected, found " + lines.size());
        List<String> refs = reference == null ? List.of() : TextDocuments.lines(reference);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("text", text.toString());
        if (reference != null) settings.put("reference", reference.toString());
        return DescribedFeed.of(text.toString(), reference == null ? "" : reference.toString(), settings, List.of(), sink -> {
            send(TextSample.Set.GENERATED, lines, sink);
            send(TextSample.Set.REFERENCE, refs, sink);
        });
    }

    private static void send(TextSample.Set set, List<String> lines, Consumer<? super TextSample> sink) {
        for (int i = 0; i < lines.size(); i++) sink.accept(new TextSample(set, i, "line " + (i + 1), null, lines.get(i)));
    }
}
