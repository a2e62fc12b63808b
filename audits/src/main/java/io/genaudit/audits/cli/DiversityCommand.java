package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.engine.io.NpyArray;
import io.genaudit.engine.io.NpyReader;
import io.genaudit.metrics.diversity.DiversityMetrics;
import io.genaudit.metrics.diversity.DiversityResult;
import io.genaudit.metrics.diversity.TextTokens;
import io.genaudit.metrics.diversity.VendiScore;
import io.genaudit.metrics.perplexity.TextDocuments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code genaudit diversity}: distinct-n, n-gram entropy, self-BLEU and the Vendi score of a file of generations (one
 * per line), or the Vendi score of image features stored as a .npy matrix [N, D].
 */
@Command(name = "diversity", mixinStandardHelpOptions = true,
        description = "Diversity of generations: distinct-n, n-gram entropy, self-BLEU (NLTK/Texygen), Vendi score.")
public final class DiversityCommand implements GenauditSubcommand, Callable<Integer> {
    @Option(names = "--text", paramLabel = "FILE", description = "Generations, one per line.")
    Path text;

    @Option(names = "--images", paramLabel = "FEATURES.npy", description = "Image features [N, D] (.npy): Vendi score with the cosine kernel.")
    Path images;

    @Option(names = "--tokenizer", paramLabel = "whitespace|bytes", defaultValue = "whitespace",
            description = "How lines become tokens (default: ${DEFAULT-VALUE}).")
    String tokenizer;

    @Option(names = "--vendi-max", paramLabel = "N", defaultValue = "1000",
            description = "Vendi score on at most N texts (a seeded subsample above that; default: ${DEFAULT-VALUE}).")
    int vendiMax;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of the Vendi subsample and the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000",
            description = "Bootstrap resamples of the generations for the intervals; 0 for none (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the result as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if ((text == null) == (images == null)) throw new InputException("diversity", "give exactly one of --text FILE or --images FEATURES.npy");
        long t0 = System.nanoTime();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", "diversity");
        if (text != null) {
            TextTokens tokens;
            try {
                tokens = TextTokens.of(tokenizer);
            } catch (IllegalArgumentException e) {
                throw new InputException("--tokenizer", e.getMessage());
            }
            List<String> lines = TextDocuments.lines(text);
            if (lines.size() < 2) throw new InputException(text, "at least two generations (lines) expected, found " + lines.size());
            if (bootstrap != 0 && bootstrap < 10) throw new InputException("--bootstrap", "0 (no intervals) or at least 10 resamples expected, got " + bootstrap);
            DiversityResult r = new DiversityMetrics(vendiMax, seed, bootstrap, DiversityMetrics.SELF_BLEU_CI_MAX_TEXTS).compute(tokens.tokens(lines));
            m.putAll(r.asMap());
            m.put("text", text.toString());
            m.put("tokenizer", tokens.label());
            m.put("vendi_kernel", "cosine on n-gram (1..4) counts");
            m.put("vendi_max", vendiMax);
            m.put("seed", seed);
            m.put("bootstrap_resamples", bootstrap);
            System.out.printf(Locale.ROOT, "%d texts, %d tokens: distinct-1..4 %.4f %.4f %.4f %.4f; self-BLEU-2..4 %.4f %.4f %.4f; "
                            + "entropy-1..4 (nats) %.3f %.3f %.3f %.3f; Vendi %.3f on %d texts%n",
                    r.texts(), r.tokens(), r.distinct(1), r.distinct(2), r.distinct(3), r.distinct(4),
                    r.selfBleu(2), r.selfBleu(3), r.selfBleu(4), r.entropy(1), r.entropy(2), r.entropy(3), r.entropy(4),
                    r.vendi(), r.vendiItems());
            var d2 = r.interval("distinct_2");
            if (d2 != null) {
                System.out.printf(Locale.ROOT, "95%% bootstrap intervals (%d resamples): distinct-2 [%.4f, %.4f]%s%n", bootstrap, d2.low(), d2.high(),
                        r.interval("self_bleu_4") == null ? "; self-BLEU intervals left out above " + DiversityMetrics.SELF_BLEU_CI_MAX_TEXTS + " texts"
                                : String.format(Locale.ROOT, ", self-BLEU-4 [%.4f, %.4f]", r.interval("self_bleu_4").low(), r.interval("self_bleu_4").high()));
            }
        } else {
            double[][] x = features(images);
            double v;
            try {
                v = VendiScore.ofFeatures(x);
            } catch (IllegalArgumentException e) {
                throw new InputException(images, e.getMessage());
            }
            m.put("n", x.length);
            m.put("vendi", v);
            m.put("images", images.toString());
            m.put("features", x.length == 0 ? 0 : x[0].length);
            m.put("vendi_kernel", "cosine on the given features");
            System.out.printf(Locale.ROOT, "Vendi score %.4f over %d feature vectors of dimension %d%n", v, x.length, x[0].length);
        }
        m.put("seconds", (System.nanoTime() - t0) / 1e9);
        JsonOutput.write(json, m);
        return ExitCodes.OK;
    }

    /** The [N, D] feature matrix of a .npy file (image folders need a feature extractor, which this command does not load). */
    private static double[][] features(Path file) {
        if (java.nio.file.Files.isDirectory(file) || !file.getFileName().toString().endsWith(".npy")) {
            throw new InputException(file, "a .npy feature matrix [N, D] expected; extract image features first "
                    + "(this command does not run a feature extractor on image folders)");
        }
        NpyArray a = NpyReader.read(file);
        if (a.rank() != 2 || a.dim(0) < 1 || a.dim(1) < 1) {
            throw new InputException(file, "a feature matrix [N, D] expected, found shape " + java.util.Arrays.toString(a.shape()));
        }
        return a.toMatrix();
    }
}
