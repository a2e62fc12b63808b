package io.genaudit.metrics.bias;

import java.io.Serializable;

/**
 * One scored probe item of a language-model bias suite: a counterfactual pair, a StereoSet item, a descriptor sentence,
 * a co-occurrence prompt or a generated continuation, each with the model's scores. The {@code bias-lm} metric's
 * statistics read only these; the model that produced them stays with the input adapter.
 */
public sealed interface LmProbeItem extends Serializable permits CounterfactualPairProbe.ScoredPair, StereoSetProbe.ScoredItem,
        DescriptorProbe.ScoredSentence, CooccurrenceProbe.PromptScore, GenerationProbe.Continuation {
}
