package io.genaudit.engine.lm.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import io.genaudit.engine.ModelContractException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a causal-LM ONNX export declares for generation, read from its graph: the Hugging Face/Optimum input names
 * ({@code input_ids}, optional {@code attention_mask}, {@code position_ids}, {@code token_type_ids},
 * {@code use_cache_branch}), the cache slots ({@code past_key_values.N.key/value} in, {@code present.N.key/value}
 * out; none for a no-past export) and the logits output ({@code logits}, else the first). Anything else is a
 * {@link ModelContractException} that names what the file declares and what genaudit can feed.
 */
public record OnnxDecoderSignature(String file, String logits, OnnxJavaType maskType, boolean positionIds,
                                   boolean tokenTypeIds, boolean useCacheBranch, List<PastLayer> layers) {
    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String POSITION_IDS = "position_ids";
    static final String TOKEN_TYPE_IDS = "token_type_ids";
    static final String USE_CACHE_BRANCH = "use_cache_branch";
    private static final Pattern PAST = Pattern.compile("past_key_values\\.(\\d+)\\.(key|value)");
    private static final Pattern PRESENT = Pattern.compile("present\\.(\\d+)\\.(key|value)");
    private static final String FEEDABLE = "input_ids, attention_mask, position_ids, token_type_ids, use_cache_branch, past_key_values.N.key/value";

    public OnnxDecoderSignature {
        layers = List.copyOf(layers);
    }

    /** Whether the export takes and returns a key/value cache. */
    public boolean hasPast() {
        return !layers.isEmpty();
    }

    /** Whether the export declares an attention mask (null type: it does not). */
    public boolean attentionMask() {
        return maskType != null;
    }

    /** Reads the signature from the declared inputs and outputs of {@code file}. */
    public static OnnxDecoderSignature read(String file, Map<String, NodeInfo> inputs, Map<String, NodeInfo> outputs) {
        String declared = "inputs " + inputs.keySet() + ", outputs " + outputs.keySet();
        if (!inputs.containsKey(INPUT_IDS)) {
            throw new ModelContractException(file, "an input named input_ids (genaudit feeds " + FEEDABLE + ")", declared);
        }
        if (outputs.isEmpty()) throw new ModelContractException(file, "a logits output", declared);
        OnnxJavaType maskType = null;
        TreeMap<Integer, String[]> past = new TreeMap<>();
        TreeMap<Integer, long[]> sizes = new TreeMap<>();
        for (var e : inputs.entrySet()) {
            String name = e.getKey();
            Matcher m = PAST.matcher(name);
            if (m.matches()) {
                int layer = Integer.parseInt(m.group(1));
                long[] hd = cacheSizes(file, name, e.getValue(), declared);
                long[] prev = sizes.putIfAbsent(layer, hd);
                if (prev != null && (prev[0] != hd[0] || prev[1] != hd[1])) {
                    throw new ModelContractException(file, "key and value of layer " + layer + " of the same size", declared);
                }
                past.computeIfAbsent(layer, k -> new String[4])[m.group(2).equals("key") ? 0 : 1] = name;
            } else if (name.equals(ATTENTION_MASK)) {
                maskType = tensor(file, name, e.getValue(), declared).type;
                if (maskType != OnnxJavaType.INT64 && maskType != OnnxJavaType.INT32) {
                    throw new ModelContractException(file, "an int64 or int32 attention_mask", "attention_mask of type " + maskType + " (" + declared + ")");
                }
            } else if (!List.of(INPUT_IDS, POSITION_IDS, TOKEN_TYPE_IDS, USE_CACHE_BRANCH).contains(name)) {
                throw new ModelContractException(file, "inputs genaudit can feed (" + FEEDABLE + "), not '" + name + "'", declared);
            }
        }
        for (String name : outputs.keySet()) {
            Matcher m = PRESENT.matcher(name);
            if (m.matches() && past.containsKey(Integer.parseInt(m.group(1)))) {
                past.get(Integer.parseInt(m.group(1)))[m.group(2).equals("key") ? 2 : 3] = name;
            }
        }
        List<PastLayer> layers = new ArrayList<>();
        int expected = 0;
        for (var e : past.entrySet()) {
            String[] n = e.getValue();
            if (e.getKey() != expected++ || n[0] == null || n[1] == null || n[2] == null || n[3] == null) {
                throw new ModelContractException(file, "past_key_values.N.key/value inputs and present.N.key/value outputs for N = 0.." + (past.size() - 1),
                        "layer " + e.getKey() + " incomplete or out of order (" + declared + ")");
            }
            long[] hd = sizes.get(e.getKey());
            layers.add(new PastLayer(e.getKey(), n[0], n[1], n[2], n[3], hd[0], hd[1]));
        }
        String logits = outputs.containsKey("logits") ? "logits" : outputs.keySet().iterator().next();
        return new OnnxDecoderSignature(file, logits, maskType, inputs.containsKey(POSITION_IDS), inputs.containsKey(TOKEN_TYPE_IDS),
                inputs.containsKey(USE_CACHE_BRANCH), layers);
    }

    private static TensorInfo tensor(String file, String name, NodeInfo info, String declared) {
        if (!(info.getInfo() instanceof TensorInfo t)) throw new ModelContractException(file, name + " a tensor", info.getInfo() + " (" + declared + ")");
        return t;
    }

    /** {heads, headDim} of a float32 [batch, heads, past_sequence, headDim] cache input with fixed heads and headDim. */
    private static long[] cacheSizes(String file, String name, NodeInfo info, String declared) {
        TensorInfo t = tensor(file, name, info, declared);
        long[] s = t.getShape();
        if (t.type != OnnxJavaType.FLOAT) {
            throw new ModelContractException(file, name + " of type float32", t.type + " (" + declared + ")");
        }
        if (s.length != 4 || s[1] <= 0 || s[3] <= 0) {
            throw new ModelContractException(file, name + " of shape [batch, heads, past_sequence_length, head_dim] with fixed heads and head_dim",
                    java.util.Arrays.toString(s));
        }
        return new long[]{s[1], s[3]};
    }
}
