package io.genaudit.spark;

import java.io.Serializable;
import java.util.List;

/**
 * Consecutive generations of a diversity audit that one executor task makes: generation {@code from + k} continues
 * {@code prompts[k]} (encoded as {@code promptIds[k]} by the driver's tokenizer) with seed {@code seeds[k]}, the
 * seed the single-machine run draws for it.
 *
 * @param from      index of the slice's first generation
 * @param prompts   each generation's prompt text
 * @param promptIds each generation's prompt tokens
 * @param seeds     each generation's seed
 */
public record GenerationSlice(long from, List<String> prompts, List<int[]> promptIds, long[] seeds) implements Serializable {
    public GenerationSlice {
        if (prompts.size() != seeds.length || promptIds.size() != seeds.length) {
            throw new IllegalArgumentException(prompts.size() + " prompts and " + promptIds.size() + " encodings for " + seeds.length + " seeds");
        }
    }
}
