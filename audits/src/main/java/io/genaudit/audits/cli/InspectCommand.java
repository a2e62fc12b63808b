package io.genaudit.audits.cli;

import io.genaudit.audits.inspect.ModelInspection;
import io.genaudit.audits.inspect.RoleCheck;
import io.genaudit.engine.lm.Tokenizer;
import io.genaudit.engine.lm.Tokenizers;
import io.genaudit.engine.lm.signature.TensorDecl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code genaudit inspect SPEC}: what a model file declares (format, inputs/outputs with dtypes and dynamic axes,
 * vocabulary, context length) and, for each role genaudit knows, whether it can drive the file there and why not.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show what a TorchScript/ONNX model declares and the roles genaudit can use it in (language model, generator, feature extractor, detector).")
public final class InspectCommand implements GenauditSubcommand, Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "onnx:FILE, torchscript:FILE, or a plain .onnx / .pt path.")
    String spec;

    @Option(names = "--tokenizer", paramLabel = "PATH", description = "tokenizer.json (or bytes) to check the language-model role with.")
    String tokenizer;

    @Mixin
    JsonOutputOption json;

    @Override
    public Integer call() throws Exception {
        String p = spec.startsWith("onnx:") || spec.startsWith("torchscript:") ? spec.substring(spec.indexOf(':') + 1) : spec;
        Tokenizer tok = tokenizer == null ? null : Tokenizers.resolve(tokenizer, null);
        ModelInspection in = ModelInspection.of(Path.of(p), tok);
        System.out.println(in.file() + ": " + in.format() + " (sha256 " + in.sha256().substring(0, 12) + "...)");
        System.out.println("inputs:");
        for (TensorDecl t : in.signature().inputs()) System.out.println("  " + t);
        System.out.println("outputs:");
        for (TensorDecl t : in.signature().outputs()) System.out.println("  " + t);
        System.out.println("context length: " + (in.contextLength() == null ? "not declared" : in.contextLength() + " (" + in.contextSource() + ")"));
        if (in.vocabSize() != null) System.out.println("vocabulary (logits): " + in.vocabSize());
        if (in.tokenizer() != null) System.out.println("tokenizer: " + in.tokenizer());
        System.out.println("roles:");
        for (RoleCheck r : in.roles()) System.out.println("  " + (r.usable() ? "yes " : "no  ") + r.role() + ": " + r.detail());
        json.write(toJson(in));
        return ExitCodes.OK;
    }

    private static Map<String, Object> toJson(ModelInspection in) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", in.file().toString());
        m.put("format", in.format());
        m.put("sha256", in.sha256());
        m.put("inputs", decls(in.signature().inputs()));
        m.put("outputs", decls(in.signature().outputs()));
        m.put("context_length", in.contextLength());
        m.put("context_length_source", in.contextSource());
        m.put("vocab_size", in.vocabSize());
        m.put("tokenizer", in.tokenizer());
        List<Object> roles = new ArrayList<>();
        for (RoleCheck r : in.roles()) roles.add(Map.of("role", r.role(), "usable", r.usable(), "detail", r.detail()));
        m.put("roles", roles);
        return m;
    }

    private static List<Object> decls(List<TensorDecl> ts) {
        List<Object> out = new ArrayList<>();
        for (TensorDecl t : ts) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", t.name());
            d.put("dtype", t.dtype());
            d.put("dims", t.dims());
            out.add(d);
        }
        return out;
    }
}
