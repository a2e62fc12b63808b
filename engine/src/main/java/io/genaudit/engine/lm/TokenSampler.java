package io.genaudit.engine.lm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks the next token from a row of logits under {@link SamplingSettings}: greedy (temperature 0, ties to the lowest
 * id), otherwise temperature scaling, then top-k, then nucleus (top-p) filtering, then one draw from a seeded RNG.
 */
public final class TokenSampler {
    private final SamplingSettings settings;
    private final SplittableRandom rng;

    public TokenSampler(SamplingSettings settings, long seed) {
        this.settings = settings;
        this.rng = new SplittableRandom(seed);
    }

    /** The next token id for {@code logits} (length = vocabulary size). */
    public int next(float[] logits) {
        if (settings.temperature() == 0) return argmax(logits);
        int v = logits.length;
        int[] order = descendingOrder(logits);
        int keep = settings.topK() > 0 ? Math.min(settings.topK(), v) : v;
        double max = logits[order[0]] / settings.temperature();
        double[] p = new double[keep];
        double sum = 0;
        for (int i = 0; i < keep; i++) {
            p[i] = Math.exp(logits[order[i]] / settings.temperature() - max);
            sum += p[i];
        }
        int nucleus = keep;
        if (settings.topP() < 1) {
            double acc = 0;
            for (int i = 0; i < keep; i++) {
                acc += p[i] / sum;
                if (acc >= settings.topP()) {
                    nucleus = i + 1;
                    break;
                }
            }
        }
        double total = 0;
        for (int i = 0; i < nucleus; i++) total += p[i];
        double u = rng.nextDouble() * total, acc = 0;
        for (int i = 0; i < nucleus; i++) {
            acc += p[i];
            if (u < acc) return order[i];
        }
        return order[nucleus - 1];
    }

    /**
     * Token ids by descending logit, ties by ascending id (Float.compare order), sorted as primitive keys: the logit's
     * order-preserving integer image in the high bits, the id in the low 31 bits.
     */
    static int[] descendingOrder(float[] logits) {
        long[] keys = new long[logits.length];
        for (int i = 0; i < logits.length; i++) {
            int bits = Float.floatToIntBits(logits[i]);
            int ascending = bits ^ ((bits >> 31) & 0x7fffffff);
            keys[i] = (((long) Integer.MAX_VALUE - ascending) << 31) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[logits.length];
        for (int i = 0; i < order.length; i++) order[i] = (int) (keys[i] & 0x7fffffffL);
        return order;
    }

    static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
        return best;
    }
}
