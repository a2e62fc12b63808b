package io.genaudit.audits.cli;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.metric.InputFeed;
import io.genaudit.audits.modules.DocumentScoreFeed;
import io.genaudit.engine.InputException;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.metrics.contract.ParamException;
import io.genaudit.metrics.contract.ParamSchema;
import io.genaudit.metrics.perplexity.DocumentScoring;
import io.genaudit.metrics.perplexity.TextDocument;
import io.genaudit.metrics.perplexity.TextDocuments;
import io.genaudit.values.DocumentScore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line inputs of the per-document language-model metrics ({@code perplexity}): the model ({@code --model},
 * {@code --tokenizer}, {@code --context-length}), the corpus ({@code --text}) and the scoring options, checked by the
 * same {@link DocumentScoring} as the plan's.
 */
public final class DocumentScoreCommandInputs implements CommandInputs<DocumentScore> {
    @Mixin
    LanguageModelOptions lmOptions;

    @Option(names = "--text", required = true, paramLabel = "FILE_OR_DIR",
            description = "A folder of .txt files (one document each) or one file (one document per paragraph, or per line if it has no blank line).")
    Path text;

    @Option(names = "--method", paramLabel = "sliding|rolling",
            description = "sliding: the Hugging Face sliding-window recipe; rolling: lm-evaluation-harness's loglikelihood_rolling "
                    + "(disjoint windows, every token scored). Default: sliding.")
    String method;

    @Option(names = "--prefix-token", paramLabel = "auto|none|ID",
            description = "Token put before each document. auto: sliding = what the tokenizer prepends itself; rolling = lm-eval's rule "
                    + "(BOS if the tokenizer declares one, else EOS). Default: auto.")
    String prefixToken;

    @Option(names = "--max-length", paramLabel = "N", description = "Window length (default: the model's context length).")
    Integer maxLength;

    @Option(names = "--stride", paramLabel = "N", description = "Window stride, sliding only (default: half the window).")
    Integer stride;

    @Option(names = "--non-overlapping", description = "Stride = window length (each window's first token is then not scored).")
    boolean nonOverlapping;

    @Option(names = "--batch", paramLabel = "N", description = "Windows per forward pass (default: " + DocumentScoring.Options.DEFAULT_BATCH + ").")
    Integer batch;

    @Override
    public InputFeed<DocumentScore> open() {
        List<TextDocument> docs = TextDocuments.readNamed(text);
        LanguageModel lm = lmOptions.open(maxLength);
        DocumentScoring scoring;
        try {
            scoring = DocumentScoring.resolve(new DocumentScoring.Options(method, maxLength, stride, nonOverlapping ? Boolean.TRUE : null,
                    prefixToken, batch), lm);
        } catch (ParamException e) {
            closeQuietly(lm);
            throw new InputException("--" + ParamSchema.kebab(e.parameter()), e.getMessage());
        }
        return new DocumentScoreFeed(scoring, docs, lm.describe(), text.toString(), NO_PHASE, ConsoleProgress.factory(), lm);
    }

    private static final java.util.function.Supplier<AuditContext.Phase> NO_PHASE = () -> new AuditContext.Phase() {
        @Override
        public void units(String unit, long count) {
        }

        @Override
        public void close() {
        }
    };

    private static void closeQuietly(LanguageModel lm) {
        try {
            lm.close();
        } catch (Exception ignored) {
            // the option error is what the user needs to see
        }
    }
}
