package io.genaudit.audits.cli;

import io.genaudit.audits.evidence.RunFolder;
import io.genaudit.audits.evidence.card.CardFacts;
import io.genaudit.audits.evidence.card.ModelCards;
import io.genaudit.reports.AtomicWrite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code genaudit card RUN_DIR --format hf|markdown [--out FILE]}: a model card from a run record. {@code hf} writes
 * the Hugging Face README (front matter with model-index and co2_eq_emissions, then the Markdown card) and, with
 * {@code --out}, {@code .eval_results/genaudit.yaml} beside it.
 */
@Command(name = "card", mixinStandardHelpOptions = true,
        description = "Write a model card from a run: Hugging Face metadata (model-index, co2_eq_emissions, .eval_results) or Markdown (Mitchell et al.).")
public final class CardCommand implements GenauditSubcommand, Callable<Integer> {
    /** The card formats. */
    enum Format { hf, markdown }

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A genaudit output folder (or its run.json).")
    Path run;

    @Option(names = "--format", required = true, paramLabel = "hf|markdown", description = "hf (Hugging Face README.md with YAML metadata) or markdown.")
    Format format;

    @Option(names = "--model", paramLabel = "ID", description = "Only this model (default: every model in the run).")
    String model;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here (default: print). With hf, .eval_results/genaudit.yaml goes beside FILE.")
    Path out;

    @Override
    public Integer call() throws Exception {
        CardFacts facts = CardFacts.of(RunFolder.readRecord(run), model);
        String text = format == Format.hf ? ModelCards.huggingFace(facts) : ModelCards.markdown(facts);
        if (out == null) {
            System.out.print(text);
            return ExitCodes.OK;
        }
        AtomicWrite.writeString(out, text);
        String msg = "genaudit: wrote " + out;
        if (format == Format.hf) {
            Path evals = out.toAbsolutePath().getParent().resolve(".eval_results").resolve("genaudit.yaml");
            AtomicWrite.writeString(evals, ModelCards.evalResults(facts));
            msg += " and " + evals;
        }
        System.out.println(msg);
        return ExitCodes.OK;
    }
}
