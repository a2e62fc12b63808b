package io.genaudit.engine.lm;

import io.genaudit.engine.ModelContractException;
import io.genaudit.engine.lm.signature.ModelSignature;
import io.genaudit.engine.lm.signature.TensorDecl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How genaudit feeds a causal LM's declared inputs, decided once from its {@link ModelSignature}: each input gets a
 * {@link Role} by its Hugging Face name ({@code input_ids}, {@code attention_mask}, {@code position_ids},
 * {@code token_type_ids}, {@code past_key_values.N.key/value}, {@code use_cache_branch}); a model with a single input
 * gets its token ids whatever the input is called. Logits are the output named {@code logits}, else the first. A
 * model that declares anything else fails with a {@link ModelContractException} quoting the declaration.
 *
 * @param signature what the file declares
 * @param roles  one per input genaudit feeds, in declaration order (a TorchScript {@code forward} may declare more
 *               parameters after them, each with a default value)
 * @param logits the output holding the logits (null for TorchScript, whose outputs are not named until run)
 */
public record LmInputs(ModelSignature signature, List<Role> roles, String logits) {
    /** What genaudit puts into one declared input. */
    public enum Role {
        INPUT_IDS, ATTENTION_MASK, POSITION_IDS, TOKEN_TYPE_IDS, PAST_KEY, PAST_VALUE, USE_CACHE_BRANCH
    }

    /** The inputs genaudit knows how to feed, as a sentence for messages. */
    public static final String FEEDABLE = "input_ids, attention_mask (1 real, 0 padding), position_ids (from the mask), "
            + "token_type_ids (zeros), past_key_values.N.key/value (empty, past length 0), use_cache_branch (false)";
    private static final Pattern PAST = Pattern.compile("past_key_values\\.(\\d+)\\.(key|value)");

    public LmInputs {
        roles = List.copyOf(roles);
    }

    /** Assigns roles to {@code signature}'s inputs; {@code file} names the model in errors. */
    public static LmInputs plan(String file, ModelSignature signature) {
        List<TensorDecl> in = signature.inputs();
        String declared = "the file declares " + signature.describe() + "; genaudit can feed " + FEEDABLE;
        if (in.isEmpty()) throw new ModelContractException(file, "at least one input (the token ids)", declared);
        List<Role> roles = new ArrayList<>();
        if (in.size() == 1) {
            roles.add(Role.INPUT_IDS);
        } else {
            boolean torchScript = signature.format().equals("TorchScript");
            for (TensorDecl t : in) {
                Role r = roleOf(t.name());
                boolean optional = torchScript && t.dtype().contains("=");
                if (torchScript && (r == null || r == Role.PAST_KEY || r == Role.PAST_VALUE || r == Role.USE_CACHE_BRANCH) && optional) break;
                if (torchScript && (r == Role.PAST_KEY || r == Role.PAST_VALUE)) r = null;
                if (r == null) throw new ModelContractException(file, "inputs genaudit can feed, not '" + t.name() + "'", declared);
                if ((r == Role.PAST_KEY || r == Role.PAST_VALUE) && (t.fixedDim(1) < 0 || t.fixedDim(3) < 0)
                        && signature.format().equals("ONNX")) {
                    throw new ModelContractException(file, t.name() + " of shape [batch, heads, past_sequence_length, head_dim] with fixed "
                            + "heads and head_dim (to feed an empty past)", declared);
                }
                roles.add(r);
            }
            if (!roles.contains(Role.INPUT_IDS)) throw new ModelContractException(file, "an input named input_ids", declared);
        }
        String logits = null;
        if (signature.format().equals("ONNX")) {
            if (signature.outputs().isEmpty()) throw new ModelContractException(file, "a logits output", declared);
            logits = signature.output("logits").isPresent() ? "logits" : signature.outputs().get(0).name();
        }
        return new LmInputs(signature, roles, logits);
    }

    static Role roleOf(String name) {
        return switch (name) {
            case "input_ids" -> Role.INPUT_IDS;
            case "attention_mask" -> Role.ATTENTION_MASK;
            case "position_ids" -> Role.POSITION_IDS;
            case "token_type_ids" -> Role.TOKEN_TYPE_IDS;
            case "use_cache_branch" -> Role.USE_CACHE_BRANCH;
            default -> {
                Matcher m = PAST.matcher(name);
                yield m.matches() ? (m.group(2).equals("key") ? Role.PAST_KEY : Role.PAST_VALUE) : null;
            }
        };
    }

    /** Whether the model takes position ids, so that left padding leaves its logits unchanged. */
    public boolean takesPositionIds() {
        return roles.contains(Role.POSITION_IDS);
    }

    /** Whether the model takes an attention mask. */
    public boolean takesAttentionMask() {
        return roles.contains(Role.ATTENTION_MASK);
    }
}
