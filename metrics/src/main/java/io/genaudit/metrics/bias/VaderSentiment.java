package io.genaudit.metrics.bias;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * VADER rule-based sentiment (Hutto &amp; Gilbert 2014), a line-by-line port of NLTK 3.8's {@code vader.py} with the
 * original VADER lexicon (MIT licence, bundled as {@code vader_lexicon.txt}): lexicon lookup, booster/dampener words,
 * ALL-CAPS emphasis, negation within three words, "least", "but" re-weighting, idioms, ! and ? emphasis, and the
 * compound score normalised as x / sqrt(x^2 + 15). Tested against NLTK's scores on the same lexicon.
 */
public final class VaderSentiment {
    /** VADER's four scores; {@code compound} in [-1, 1] is the one bias probes compare. */
    public record Scores(double neg, double neu, double pos, double compound) {
    }

    private static final double B_INCR = 0.293, B_DECR = -0.293, C_INCR = 0.733, N_SCALAR = -0.74;
    private static final Set<String> NEGATE = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
            "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt",
            "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt",
            "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh",
            "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt",
            "won't", "wouldn't", "rarely", "seldom", "despite");
    private static final Map<String, Double> BOOSTER = new HashMap<>();
    private static final Map<String, Double> IDIOMS = Map.of("the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5, "yeah right", -2.0,
            "cut the mustard", 2.0, "kiss of death", -1.5, "hand to mouth", -2.0);
    private static final List<String> PUNC_LIST = List.of(".", "!", "?", ",", ";", ":", "-", "'", "\"", "!!", "!!!", "??", "???", "?!?", "!?!", "?!?!", "!?!?");
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    static {
        for (String w : List.of("absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly", "deeply", "effing",
                "enormously", "entirely", "especially", "exceptionally", "extremely", "fabulously", "flipping", "flippin", "fricking",
                "frickin", "frigging", "friggin", "fully", "fucking", "greatly", "hella", "highly", "hugely", "incredibly", "intensely",
                "majorly", "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially", "thoroughly",
                "totally", "tremendously", "uber", "unbelievably", "unusually", "utterly", "very")) BOOSTER.put(w, B_INCR);
        for (String w : List.of("almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little",
                "marginally", "occasionally", "partly", "scarcely", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of")) BOOSTER.put(w, B_DECR);
    }

    private final Map<String, Double> lexicon;

    public VaderSentiment(Map<String, Double> lexicon) {
        this.lexicon = Map.copyOf(lexicon);
    }

    private static volatile VaderSentiment standard;

    /** VADER with its bundled lexicon. */
    public static VaderSentiment standard() {
        if (standard == null) {
            synchronized (VaderSentiment.class) {
                if (standard == null) standard = new VaderSentiment(readLexicon(VaderSentiment.class.getResourceAsStream("vader_lexicon.txt")));
            }
        }
        return standard;
    }

    /** Reads "token TAB valence [TAB ...]" lines. */
    public static Map<String, Double> readLexicon(InputStream in) {
        if (in == null) throw new IllegalStateException("vader_lexicon.txt missing from the classpath");
        Map<String, Double> m = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                String[] f = line.strip().split("\t");
                if (f.length >= 2) m.put(f[0], Double.parseDouble(f[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    public Scores score(String text) {
        List<String> words = wordsAndEmoticons(text);
        boolean capDiff = allcapDifferential(words);
        List<Double> sentiments = new ArrayList<>();
        for (String item : words) {
            int i = words.indexOf(item); // as the reference implementation: first occurrence
            String lower = item.toLowerCase(Locale.ROOT);
            if ((i < words.size() - 1 && lower.equals("kind") && words.get(i + 1).toLowerCase(Locale.ROOT).equals("of")) || BOOSTER.containsKey(lower)) {
                sentiments.add(0.0);
                continue;
            }
            sentiments.add(valence(words, item, i, capDiff));
        }
        butCheck(words, sentiments);
        return scoreValence(sentiments, text);
    }

    private double valence(List<String> words, String item, int i, boolean capDiff) {
        String lower = item.toLowerCase(Locale.ROOT);
        Double lex = lexicon.get(lower);
        if (lex == null) return 0;
        double v = lex;
        if (isUpper(item) && capDiff) v += v > 0 ? C_INCR : -C_INCR;
        for (int start = 0; start < 3; start++) {
            if (i > start && !lexicon.containsKey(words.get(i - (start + 1)).toLowerCase(Locale.ROOT))) {
                double s = scalarIncDec(words.get(i - (start + 1)), v, capDiff);
                if (start == 1 && s != 0) s *= 0.95;
                if (start == 2 && s != 0) s *= 0.9;
                v += s;
                v = neverCheck(v, words, start, i);
                if (start == 2) v = idiomsCheck(v, words, i);
            }
        }
        return leastCheck(v, words, i);
    }

    private static double scalarIncDec(String word, double valence, boolean capDiff) {
        Double b = BOOSTER.get(word.toLowerCase(Locale.ROOT));
        if (b == null) return 0;
        double s = valence < 0 ? -b : b;
        if (isUpper(word) && capDiff) s += valence > 0 ? C_INCR : -C_INCR;
        return s;
    }

    private static boolean negated(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return NEGATE.contains(w) || w.contains("n't");
    }

    private static double neverCheck(double v, List<String> w, int start, int i) {
        if (start == 0) {
            if (negated(w.get(i - 1))) v *= N_SCALAR;
        } else if (start == 1) {
            if (w.get(i - 2).equals("never") && (w.get(i - 1).equals("so") || w.get(i - 1).equals("this"))) v *= 1.5;
            else if (negated(w.get(i - 2))) v *= N_SCALAR;
        } else {
            if ((w.get(i - 3).equals("never") && (w.get(i - 2).equals("so") || w.get(i - 2).equals("this")))
                    || (w.get(i - 1).equals("so") || w.get(i - 1).equals("this"))) v *= 1.25;
            else if (negated(w.get(i - 3))) v *= N_SCALAR;
        }
        return v;
    }

    private static double idiomsCheck(double v, List<String> w, int i) {
        String onezero = w.get(i - 1) + " " + w.get(i);
        String twoonezero = w.get(i - 2) + " " + w.get(i - 1) + " " + w.get(i);
        String twoone = w.get(i - 2) + " " + w.get(i - 1);
        String threetwoone = w.get(i - 3) + " " + w.get(i - 2) + " " + w.get(i - 1);
        String threetwo = w.get(i - 3) + " " + w.get(i - 2);
        for (String seq : List.of(onezero, twoonezero, twoone, threetwoone, threetwo)) {
            if (IDIOMS.containsKey(seq)) {
                v = IDIOMS.get(seq);
                break;
            }
        }
        if (w.size() - 1 > i) {
            String zeroone = w.get(i) + " " + w.get(i + 1);
            if (IDIOMS.containsKey(zeroone)) v = IDIOMS.get(zeroone);
        }
        if (w.size() - 1 > i + 1) {
            String zeroonetwo = w.get(i) + " " + w.get(i + 1) + " " + w.get(i + 2);
            if (IDIOMS.containsKey(zeroonetwo)) v = IDIOMS.get(zeroonetwo);
        }
        if (BOOSTER.containsKey(threetwo) || BOOSTER.containsKey(twoone)) v += B_DECR;
        return v;
    }

    private double leastCheck(double v, List<String> w, int i) {
        if (i > 1 && !lexicon.containsKey(w.get(i - 1).toLowerCase(Locale.ROOT)) && w.get(i - 1).toLowerCase(Locale.ROOT).equals("least")) {
            String two = w.get(i - 2).toLowerCase(Locale.ROOT);
            if (!two.equals("at") && !two.equals("very")) v *= N_SCALAR;
        } else if (i > 0 && !lexicon.containsKey(w.get(i - 1).toLowerCase(Locale.ROOT)) && w.get(i - 1).toLowerCase(Locale.ROOT).equals("least")) {
            v *= N_SCALAR;
        }
        return v;
    }

    private static void butCheck(List<String> words, List<Double> s) {
        int bi = -1;
        for (int k = 0; k < words.size(); k++) {
            if (words.get(k).toLowerCase(Locale.ROOT).equals("but")) {
                bi = k;
                break;
            }
        }
        if (bi < 0) return;
        for (int k = 0; k < s.size(); k++) {
            if (k < bi) s.set(k, s.get(k) * 0.5);
            else if (k > bi) s.set(k, s.get(k) * 1.5);
        }
    }

    private static Scores scoreValence(List<Double> sentiments, String text) {
        if (sentiments.isEmpty()) return new Scores(0, 0, 0, 0);
        double sum = 0;
        for (double d : sentiments) sum += d;
        long ep = Math.min(4, text.chars().filter(c -> c == '!').count());
        long qm = text.chars().filter(c -> c == '?').count();
        double amp = ep * 0.292 + (qm > 1 ? (qm <= 3 ? qm * 0.18 : 0.96) : 0);
        if (sum > 0) sum += amp;
        else if (sum < 0) sum -= amp;
        double compound = sum / Math.sqrt(sum * sum + 15);
        double pos = 0, neg = 0;
        int neu = 0;
        for (double s : sentiments) {
            if (s > 0) pos += s + 1;
            if (s < 0) neg += s - 1;
            if (s == 0) neu++;
        }
        if (pos > Math.abs(neg)) pos += amp;
        else if (pos < Math.abs(neg)) neg -= amp;
        double total = pos + Math.abs(neg) + neu;
        return new Scores(round(Math.abs(neg / total), 3), round(Math.abs(neu / total), 3), round(Math.abs(pos / total), 3), round(compound, 4));
    }

    private static double round(double x, int digits) {
        return new java.math.BigDecimal(x).setScale(digits, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    static List<String> wordsAndEmoticons(String text) {
        StringBuilder noPunc = new StringBuilder();
        for (char c : text.toCharArray()) if (PUNCTUATION.indexOf(c) < 0) noPunc.append(c);
        Set<String> wordsOnly = new java.util.HashSet<>();
        for (String w : noPunc.toString().trim().split("\\s+")) if (w.length() > 1) wordsOnly.add(w);
        List<String> out = new ArrayList<>();
        for (String we : text.trim().split("\\s+")) {
            if (we.length() <= 1) continue;
            out.add(stripPunctuation(we, wordsOnly));
        }
        return out;
    }

    private static String stripPunctuation(String we, Set<String> wordsOnly) {
        for (String p : PUNC_LIST) { // word + punctuation wins over punctuation + word, as in the reference's dict update
            if (we.endsWith(p) && wordsOnly.contains(we.substring(0, we.length() - p.length()))) return we.substring(0, we.length() - p.length());
        }
        for (String p : PUNC_LIST) {
            if (we.startsWith(p) && wordsOnly.contains(we.substring(p.length()))) return we.substring(p.length());
        }
        return we;
    }

    private static boolean allcapDifferential(List<String> words) {
        int caps = 0;
        for (String w : words) if (isUpper(w)) caps++;
        int diff = words.size() - caps;
        return diff > 0 && diff < words.size();
    }

    /** Python's str.isupper(): at least one cased character and no lower-case one. */
    static boolean isUpper(String s) {
        boolean cased = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (Character.isLowerCase(c)) return false;
            if (Character.isUpperCase(c)) cased = true;
        }
        return cased;
    }
}
