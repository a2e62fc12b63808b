package io.genaudit.metrics.bias;

import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.Tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test double: an exact word-level language model of a templated corpus. P(next | whole prefix) is the add-alpha
 * smoothed count of that continuation after that prefix in the training sentences, so every probability is known in
 * closed form and sampling noise comes only from the finite corpus. Tokens are words and punctuation; id 0 is BOS.
 */
final class PrefixCountLm implements LanguageModel {
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9']+|[^\\sA-Za-z0-9']");

    /** Word tokenizer over a fixed vocabulary (unknown words map to id 1), BOS = 0. */
    static final class WordTokenizer implements Tokenizer {
        final Map<String, Integer> ids = new LinkedHashMap<>();
        final List<String> words = new ArrayList<>();
        private final Map<String, int[]> cache = new HashMap<>(); // templated corpora repeat sentences a lot

        WordTokenizer(Iterable<String> texts) {
            add("<bos>");
            add("<unk>");
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String t : texts) if (seen.add(t)) for (String w : split(t)) add(w);
        }

        void add(String w) {
            if (!ids.containsKey(w)) {
                ids.put(w, words.size());
                words.add(w);
            }
        }

        static List<String> split(String text) {
            List<String> out = new ArrayList<>();
            Matcher m = TOKEN.matcher(text.toLowerCase());
            while (m.find()) out.add(m.group());
            return out;
        }

        public int[] encode(String text) {
            int[] hit = cache.get(text);
            if (hit != null) return hit.clone();
            int[] out = encodeUncached(text);
            cache.put(text, out);
            return out.clone();
        }

        private int[] encodeUncached(String text) {
            List<String> w = split(text);
            int[] out = new int[w.size() + 1];
            out[0] = 0;
            for (int i = 0; i < w.size(); i++) out[i + 1] = ids.getOrDefault(w.get(i), 1);
            return out;
        }

        public String decode(int[] ids) {
            StringBuilder sb = new StringBuilder();
            for (int id : ids) {
                if (id == 0) continue;
                String w = words.get(id);
                if (sb.length() > 0 && Character.isLetterOrDigit(w.charAt(0))) sb.append(' ');
                sb.append(w);
            }
            return sb.toString();
        }

        public int vocabSize() {
            return words.size();
        }

        public int bosId() {
            return 0;
        }

        public String name() {
            return "test-words";
        }
    }

    private final WordTokenizer tokenizer;
    /** Counts keyed by a rolling 64-bit hash of the whole prefix (collisions are negligible for these small corpora). */
    private final Map<Long, int[]> counts = new HashMap<>();
    private final double alpha;

    PrefixCountLm(List<String> sentences, List<String> extraVocabulary, double alpha) {
        List<String> all = new ArrayList<>(sentences);
        all.addAll(extraVocabulary);
        this.tokenizer = new WordTokenizer(all);
        this.alpha = alpha;
        int v = tokenizer.vocabSize();
        for (String s : sentences) {
            int[] ids = tokenizer.encode(s);
            long key = 17;
            for (int i = 0; i < ids.length; i++) {
                if (i > 0) counts.computeIfAbsent(key, k -> new int[v + 1])[ids[i]]++;
                key = extend(key, ids[i]);
            }
        }
        for (int[] c : counts.values()) c[v] = Arrays.stream(c, 0, v).sum();
    }

    static long extend(long key, int id) {
        return key * 1_000_003L + id + 1;
    }

    double logProb(long prefix, int next) {
        int v = tokenizer.vocabSize();
        int[] c = counts.get(prefix);
        double num = (c == null ? 0 : c[next]) + alpha, den = (c == null ? 0 : c[v]) + alpha * v;
        return Math.log(num / den);
    }

    public int contextLength() {
        return 64;
    }

    public int vocabSize() {
        return tokenizer.vocabSize();
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public List<float[]> nextTokenLogProbs(List<int[]> windows) {
        List<float[]> out = new ArrayList<>();
        for (int[] w : windows) {
            float[] lp = new float[w.length - 1];
            long prefix = extend(17, w[0]);
            for (int t = 1; t < w.length; t++) {
                lp[t - 1] = (float) logProb(prefix, w[t]);
                prefix = extend(prefix, w[t]);
            }
            out.add(lp);
        }
        return out;
    }

    public int[] generate(int[] prompt, SamplingSettings settings, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long prefix = 17;
        for (int p : prompt) prefix = extend(prefix, p);
        int[] out = new int[settings.maxNewTokens()];
        int v = tokenizer.vocabSize();
        for (int k = 0; k < out.length; k++) {
            double u = r.nextDouble(), acc = 0;
            int pick = v - 1;
            for (int t = 1; t < v; t++) { // never emit BOS
                acc += Math.exp(logProb(prefix, t)) / (1 - Math.exp(logProb(prefix, 0)));
                if (u < acc) {
                    pick = t;
                    break;
                }
            }
            out[k] = pick;
            prefix = extend(prefix, pick);
        }
        return out;
    }

    public String describe() {
        return "prefix-count test LM (alpha " + alpha + ")";
    }

    public void close() {
    }
}
