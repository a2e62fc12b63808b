package io.genaudit.engine.lm;

import java.util.List;

/**
 * A padded batch of token sequences in the form Hugging Face models take it: {@code ids}, {@code attentionMask}
 * (1 real, 0 padding) and {@code positionIds} derived from the mask as {@code transformers} does it
 * ({@code cumsum(mask) - 1}, padding positions set to 1), all flat row-major [batch, length]. With right padding a
 * causal model's logits for the real tokens do not depend on the padding; with left padding they do not either when
 * the model takes {@code position_ids} and honours the mask.
 *
 * @param offsets where each row's first real token sits (0 for right padding)
 * @param lengths each row's number of real tokens
 */
public record TokenBatch(long[] ids, long[] attentionMask, long[] positionIds, int batch, int length, int[] offsets, int[] lengths) {
    /** Which side the padding goes. */
    public enum Padding { LEFT, RIGHT }

    /** Pads {@code rows} (each non-empty) to the longest with {@code padId}. */
    public static TokenBatch of(List<int[]> rows, Padding padding, int padId) {
        int b = rows.size(), len = 1;
        for (int[] r : rows) len = Math.max(len, r.length);
        long[] ids = new long[b * len], mask = new long[b * len], pos = new long[b * len];
        int[] offsets = new int[b], lengths = new int[b];
        for (int i = 0; i < b; i++) {
            int[] r = rows.get(i);
            int off = padding == Padding.LEFT ? len - r.length : 0;
            offsets[i] = off;
            lengths[i] = r.length;
            for (int t = 0; t < len; t++) {
                boolean real = t >= off && t < off + r.length;
                ids[i * len + t] = real ? r[t - off] : padId;
                mask[i * len + t] = real ? 1 : 0;
                pos[i * len + t] = real ? t - off : 1;
            }
        }
        return new TokenBatch(ids, mask, pos, b, len, offsets, lengths);
    }

    /** A batch with no padding from flat ids [batch, length]. */
    public static TokenBatch full(long[] ids, int batch, int length) {
        long[] mask = new long[ids.length], pos = new long[ids.length];
        int[] offsets = new int[batch], lengths = new int[batch];
        for (int i = 0; i < batch; i++) {
            lengths[i] = length;
            for (int t = 0; t < length; t++) {
                mask[i * length + t] = 1;
                pos[i * length + t] = t;
            }
        }
        return new TokenBatch(ids, mask, pos, batch, length, offsets, lengths);
    }

    /** True when some row is padded. */
    public boolean padded() {
        for (int l : lengths) if (l != length) return true;
        return false;
    }
}
