package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.metrics.perplexity.PerplexityEvaluation;
import io.genaudit.metrics.perplexity.PerplexityResult;
import io.genaudit.metrics.perplexity.SlidingWindowPlan;
import io.genaudit.metrics.perplexity.TextDocuments;
import io.genaudit.metrics.stats.Bootstrap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code genaudit perplexity}: token perplexity, word and byte perplexity and bits per byte of a language model on a
 * text file or folder, with the Hugging Face sliding window and a bootstrap interval over documents.
 */
@Command(name = "perplexity", mixinStandardHelpOptions = true,
        description = "Perplexity of a language model on text (sliding window; lm-eval word/byte perplexity, bits per byte).")
public final class PerplexityCommand implements GenauditSubcommand, Callable<Integer> {
    @Mixin
    LanguageModelOptions lmOptions;

    @Option(names = "--text", required = true, paramLabel = "FILE_OR_DIR",
            description = "A folder of .txt files (one document each) or one file (one document per paragraph, or per line if it has no blank line).")
    Path text;

    @Option(names = "--max-length", paramLabel = "N", description = "Window length (default: the model's context length).")
    Integer maxLength;

    @Option(names = "--stride", paramLabel = "N", description = "Window stride (default: half the window).")
    Integer stride;

    @Option(names = "--non-overlapping", description = "Stride = window length (each window's first token is then not scored).")
    boolean nonOverlapping;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "8", description = "Windows per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000", description = "Bootstrap resamples over documents, 0 = none (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the result as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        List<String> docs = TextDocuments.read(text);
        try (LanguageModel lm = lmOptions.open(maxLength)) {
            int len = maxLength != null ? maxLength : lm.contextLength();
            int str = nonOverlapping ? len : stride != null ? stride : Math.max(1, len / 2);
            if (len < 2 || len > lm.contextLength()) {
                throw new InputException("--max-length", "between 2 and the model's context length " + lm.contextLength() + " expected, got " + len);
            }
            if (str < 1 || str > len) throw new InputException("--stride", "between 1 and the window length " + len + " expected, got " + str);
            if (batch < 1) throw new InputException("--batch", "a positive integer expected, got " + batch);
            if (resamples != 0 && resamples < 10) throw new InputException("--bootstrap", "0 or at least 10 expected, got " + resamples);
            PerplexityEvaluation ev = PerplexityEvaluation.run(lm, docs, new SlidingWindowPlan(len, str), batch,
                    resamples == 0 ? null : new Bootstrap(resamples, seed), level, ConsoleProgress.factory());
            double seconds = (System.nanoTime() - t0) / 1e9;
            PerplexityResult r = ev.result();
            System.out.printf(Locale.ROOT, "perplexity %.4f%s over %d tokens in %d documents (window %d, stride %d)%n",
                    r.tokenPerplexity(), ev.ci() == null ? "" : String.format(Locale.ROOT, " [%.0f%% CI %.4f, %.4f]",
                            ev.ci().level() * 100, ev.ci().low(), ev.ci().high()), r.tokens(), r.documents(), len, str);
            System.out.printf(Locale.ROOT, "bits per byte %.4f, byte perplexity %.4f, word perplexity %.4f (%d bytes, %d words), %.1f s%n",
                    r.bitsPerByte(), r.bytePerplexity(), r.wordPerplexity(), r.bytes(), r.words(), seconds);
            if (json != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("metric", "perplexity");
                m.put("value", r.tokenPerplexity());
                m.put("tokens", r.tokens());
                m.put("bits_per_byte", r.bitsPerByte());
                m.put("word_perplexity", r.wordPerplexity());
                m.put("byte_perplexity", r.bytePerplexity());
                Map<String, Object> ci = null;
                if (ev.ci() != null) {
                    ci = new LinkedHashMap<>();
                    ci.put("level", ev.ci().level());
                    ci.put("low", ev.ci().low());
                    ci.put("high", ev.ci().high());
                    ci.put("method", ev.ci().method());
                    ci.put("estimand", ev.ci().estimand());
                }
                m.put("ci", ci);
                m.put("nll_nats", r.nllNats());
                m.put("documents", r.documents());
                m.put("bytes", r.bytes());
                m.put("words", r.words());
                m.put("model", lm.describe());
                m.put("tokenizer", lm.tokenizer().name());
                m.put("text", text.toString());
                m.put("max_length", len);
                m.put("stride", str);
                m.put("non_overlapping", str == len);
                m.put("batch", batch);
                m.put("bootstrap", resamples);
                m.put("seed", seed);
                m.put("seconds", seconds);
                JsonOutput.write(json, m);
            }
        }
        return ExitCodes.OK;
    }
}
