package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.metrics.perplexity.PerplexityEvaluation;
import io.genaudit.metrics.perplexity.PerplexityResult;
import io.genaudit.metrics.perplexity.PrefixToken;
import io.genaudit.metrics.perplexity.RollingWindowPlan;
import io.genaudit.metrics.perplexity.WindowPlan;
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
        description = "Perplexity of a language model on text (HF sliding window or lm-eval rolling windows; word/byte perplexity, bits per byte).")
public final class PerplexityCommand implements GenauditSubcommand, Callable<Integer> {
    @Mixin
    LanguageModelOptions lmOptions;

    @Option(names = "--text", required = true, paramLabel = "FILE_OR_DIR",
            description = "A folder of .txt files (one document each) or one file (one document per paragraph, or per line if it has no blank line).")
    Path text;

    @Option(names = "--method", paramLabel = "sliding|rolling", defaultValue = "sliding",
            description = "sliding: the Hugging Face sliding-window recipe; rolling: lm-evaluation-harness's loglikelihood_rolling "
                    + "(disjoint windows, every token scored). Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--prefix-token", paramLabel = "auto|none|ID", defaultValue = "auto",
            description = "Token put before each document. auto: sliding = what the tokenizer prepends itself; rolling = lm-eval's rule "
                    + "(BOS if the tokenizer declares one, else EOS). Default: ${DEFAULT-VALUE}.")
    String prefixToken;

    @Option(names = "--max-length", paramLabel = "N", description = "Window length (default: the model's context length).")
    Integer maxLength;

    @Option(names = "--stride", paramLabel = "N", description = "Window stride, sliding only (default: half the window).")
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
        if (!method.equals("sliding") && !method.equals("rolling")) throw new InputException("--method", "sliding or rolling expected, got '" + method + "'");
        boolean rolling = method.equals("rolling");
        if (rolling && (stride != null || nonOverlapping)) {
            throw new InputException(rolling && stride != null ? "--stride" : "--non-overlapping", "applies to --method sliding only (rolling windows are disjoint)");
        }
        PrefixToken prefix;
        try {
            prefix = PrefixToken.parse(prefixToken);
        } catch (IllegalArgumentException e) {
            throw new InputException("--prefix-token", e.getMessage());
        }
        List<String> docs = TextDocuments.read(text);
        try (LanguageModel lm = lmOptions.open(maxLength)) {
            int len = maxLength != null ? maxLength : lm.contextLength();
            int str = rolling || nonOverlapping ? len : stride != null ? stride : Math.max(1, len / 2);
            if (len < 2 || len > lm.contextLength()) {
                throw new InputException("--max-length", "between 2 and the model's context length " + lm.contextLength() + " expected, got " + len);
            }
            if (str < 1 || str > len) throw new InputException("--stride", "between 1 and the window length " + len + " expected, got " + str);
            if (batch < 1) throw new InputException("--batch", "a positive integer expected, got " + batch);
            if (resamples != 0 && resamples < 10) throw new InputException("--bootstrap", "0 or at least 10 expected, got " + resamples);
            WindowPlan plan = rolling ? new RollingWindowPlan(len) : new SlidingWindowPlan(len, str);
            int prefixId = prefix.resolve(plan, lm.tokenizer());
            if (prefixId >= lm.vocabSize()) throw new InputException("--prefix-token", "a token id below the vocabulary size " + lm.vocabSize() + " expected, got " + prefixId);
            PerplexityEvaluation ev = PerplexityEvaluation.run(lm, docs, plan, prefixId, batch,
                    resamples == 0 ? null : new Bootstrap(resamples, seed), level, ConsoleProgress.factory());
            double seconds = (System.nanoTime() - t0) / 1e9;
            PerplexityResult r = ev.result();
            String windows = rolling ? "rolling windows of " + len : "window " + len + ", stride " + str;
            System.out.printf(Locale.ROOT, "perplexity %.4f%s over %d tokens in %d documents (%s, %s)%n",
                    r.tokenPerplexity(), ev.ci() == null ? "" : String.format(Locale.ROOT, " [%.0f%% CI %.4f, %.4f]",
                            ev.ci().level() * 100, ev.ci().low(), ev.ci().high()), r.tokens(), r.documents(), windows,
                    prefixId < 0 ? "no prefix token" : "prefix token " + prefixId);
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
                m.put("method", method);
                m.put("prefix_token", prefixId < 0 ? null : prefixId);
                m.put("prefix_token_setting", prefix.spec());
                m.put("max_length", len);
                m.put("stride", rolling ? null : str);
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
