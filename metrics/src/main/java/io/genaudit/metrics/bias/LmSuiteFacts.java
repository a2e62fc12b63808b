package io.genaudit.metrics.bias;

import java.io.Serializable;

/**
 * What the {@code bias-lm} statistics need to know about the suite and the scoring besides the scored items: every
 * batch of one run carries the same facts.
 *
 * @param name               the suite's name
 * @param scoringNote        how sentences were scored (depends on the model's tokenizer)
 * @param cooccurrence       the co-occurrence groups, prompt sets and contrasts, or null when the suite has none
 * @param representation     HELM representation word lists for the generations, or null
 * @param generationSettings how continuations were sampled ({@link GenerationProbe#settingsText}), or null
 */
public record LmSuiteFacts(String name, String scoringNote, CooccurrenceProbe.Suite cooccurrence, RepresentationMeasures representation,
                           String generationSettings) implements Serializable {
}
