package io.genaudit.audits.inspect;

import io.genaudit.engine.InputException;
import io.genaudit.engine.image.FileFeatureExtractor;
import io.genaudit.engine.image.ModelFileFormat;
import io.genaudit.engine.io.Sha256;
import io.genaudit.engine.lm.DeclaredContextLength;
import io.genaudit.engine.lm.ExportedLanguageModel;
import io.genaudit.engine.lm.onnx.OnnxLanguageModel;
import io.genaudit.engine.lm.Tokenizer;
import io.genaudit.engine.lm.TorchScriptLanguageModel;
import io.genaudit.engine.lm.signature.ModelSignature;
import io.genaudit.engine.lm.signature.TensorDecl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code genaudit inspect} finds in a model file: its format and declared inputs/outputs, the context length
 * it declares, and for each role genaudit knows (language model, generator, feature extractor, detector) whether
 * the file can be driven in it - by loading it the way that role does, so the verdict is the one an audit would reach.
 */
public record ModelInspection(Path file, String format, String sha256, ModelSignature signature, Integer contextLength,
                              String contextSource, Integer vocabSize, Map<String, Object> tokenizer, List<RoleCheck> roles) {

    /** Inspects {@code file} (.onnx or TorchScript), with {@code tokenizer} (may be null) for the language-model role. */
    public static ModelInspection of(Path file, Tokenizer tokenizer) {
        if (!Files.isRegularFile(file)) throw new InputException(file, "model file expected, not found");
        boolean onnx = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx");
        ModelSignature sig = onnx ? OnnxLanguageModel.signature(file) : torchScriptSignature(file);
        Optional<DeclaredContextLength> ctx = DeclaredContextLength.find(file, sig);
        List<RoleCheck> roles = new ArrayList<>();
        Integer vocab = null;
        int probeContext = ctx.map(DeclaredContextLength::length).orElse(8);
        Tokenizer tok = tokenizer != null ? tokenizer : new ProbeTokenizer();
        try (ExportedLanguageModel lm = onnx ? new OnnxLanguageModel(file, tok, probeContext) : new TorchScriptLanguageModel(file, tok, probeContext)) {
            vocab = lm.vocabSize();
            String feeds = String.join(", ", lm.inputs().roles().stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).toList());
            roles.add(new RoleCheck("language model", true, "feeds " + feeds + "; logits [B, T, " + vocab + "]"
                    + (lm.inputs().takesPositionIds() ? "; left padding allowed (takes position_ids)" : "; right padding only (no position_ids)")
                    + (ctx.isEmpty() ? "; context length not declared: give --context-length / contextLength" : "")));
        } catch (InputException e) {
            roles.add(new RoleCheck("language model", false, e.getMessage()));
        }
        imageRoles(file, sig, roles);
        roles.add(generatorRole(sig));
        Map<String, Object> tk = null;
        if (tokenizer != null) {
            tk = new LinkedHashMap<>();
            tk.put("name", tokenizer.name());
            tk.put("vocab_size", tokenizer.vocabSize());
            tk.put("bos_id", tokenizer.declaredBosId() < 0 ? null : tokenizer.declaredBosId());
            tk.put("eos_id", tokenizer.eosId() < 0 ? null : tokenizer.eosId());
            tk.put("prepends_bos", tokenizer.bosId() >= 0);
        }
        String sha;
        try {
            sha = Sha256.of(file);
        } catch (java.io.IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
        return new ModelInspection(file, sig.format(), sha, sig, ctx.map(DeclaredContextLength::length).orElse(null),
                ctx.map(DeclaredContextLength::source).orElse(null), vocab, tk, roles);
    }

    private static ModelSignature torchScriptSignature(Path file) {
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            if (zip.size() == 0) throw new InputException(file, "not a TorchScript archive (empty zip)");
        } catch (java.io.IOException e) {
            throw new InputException(file, "not a TorchScript archive (a zip file written by torch.jit.save) nor an .onnx file: " + e.getMessage());
        }
        return TorchScriptLanguageModel.signature(file);
    }

    /** Feature extractor ([B,3,H,W] in [0,1] -> [B,D], D >= 3) and detector (-> [B,1] or [B,2]), by probing. */
    private static void imageRoles(Path file, ModelSignature sig, List<RoleCheck> roles) {
        boolean onnx = sig.format().equals("ONNX");
        if (onnx && (sig.inputs().size() != 1 || sig.inputs().get(0).dims().size() != 4 || !sig.inputs().get(0).dtype().startsWith("float"))) {
            String why = "expected one float image input [B, 3, H, W], found " + names(sig.inputs());
            roles.add(new RoleCheck("feature extractor", false, why));
            roles.add(new RoleCheck("detector", false, why));
            return;
        }
        TensorDecl image = onnx ? sig.inputs().get(0) : null;
        boolean fixedSize = image != null && image.fixedDim(2) > 0 && image.fixedDim(3) > 0;
        try (FileFeatureExtractor fx = !onnx ? FileFeatureExtractor.load(file, ModelFileFormat.TORCHSCRIPT)
                : fixedSize ? FileFeatureExtractor.load(file, ModelFileFormat.ONNX, (int) image.fixedDim(2), (int) image.fixedDim(3))
                : FileFeatureExtractor.load(file, ModelFileFormat.ONNX)) {
            int d = fx.dimension();
            roles.add(new RoleCheck("feature extractor", d >= 3, d >= 3 ? "images [B, 3, H, W] in [0, 1] -> features [B, " + d + "]"
                    : "output [B, " + d + "] is a score, not a feature vector"));
            roles.add(new RoleCheck("detector", d <= 2, d <= 2 ? "images [B, 3, H, W] in [0, 1] -> scores [B, " + d + "]"
                    : "expected scores [B, 1] or [B, 2], found [B, " + d + "]"));
        } catch (InputException e) {
            roles.add(new RoleCheck("feature extractor", false, e.getMessage()));
            roles.add(new RoleCheck("detector", false, e.getMessage()));
        }
    }

    /** A generator takes latents: a float input [B, Z] (ONNX, fixed Z) or a forward parameter named z/latent(s). */
    static RoleCheck generatorRole(ModelSignature sig) {
        if (sig.inputs().isEmpty()) return new RoleCheck("generator", false, "no declared input");
        TensorDecl first = sig.inputs().get(0);
        if (sig.format().equals("ONNX")) {
            boolean ok = first.dtype().startsWith("float") && first.dims().size() == 2 && first.fixedDim(1) > 0 && sig.outputs().size() >= 1
                    && sig.outputs().get(0).dims().size() == 4;
            return new RoleCheck("generator", ok, ok ? "latents " + first.name() + " [B, " + first.fixedDim(1) + "] -> images "
                    + sig.outputs().get(0).dims() + " (declare outputRange and latentDim " + first.fixedDim(1) + " in the plan)"
                    : "expected a float latent input [B, Z] and an image output [B, C, H, W], found inputs " + names(sig.inputs())
                    + " -> outputs " + names(sig.outputs()));
        }
        boolean named = List.of("z", "latent", "latents", "noise").contains(first.name());
        return new RoleCheck("generator", named, named ? "latents '" + first.name() + "' (declare latentDim and outputRange in the plan)"
                : "expected forward(z, ...) taking latents, found forward(" + String.join(", ", sig.inputs().stream().map(TensorDecl::name).toList()) + ")");
    }

    private static String names(List<TensorDecl> ts) {
        return "(" + String.join(", ", ts.stream().map(t -> t.name() + (t.dims().isEmpty() ? "" : " " + t.dtype() + " " + t.dims())).toList()) + ")";
    }
}
