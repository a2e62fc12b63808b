package io.genaudit.engine.lm.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the {@code forward} schema of a TorchScript archive without running it: the root module's class comes from
 * the first GLOBAL of {@code data.pkl} ({@code __torch__.pkg.Class}), its source from {@code code/__torch__/pkg.py},
 * and the parameter names and types from that class's {@code def forward(self, ...)} (what {@code torch.jit.trace} and
 * {@code torch.jit.script} write). Empty when the archive does not follow that layout.
 */
public final class TorchScriptSignatures {
    private TorchScriptSignatures() {
    }

    public static Optional<ModelSignature> read(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, ZipEntry> byTail = new HashMap<>();
            zip.stream().forEach(e -> {
                int slash = e.getName().indexOf('/');
                if (slash > 0) byTail.put(e.getName().substring(slash + 1), e);
            });
            ZipEntry pkl = byTail.get("data.pkl");
            if (pkl == null) return Optional.empty();
            String root = rootClass(read(zip, pkl));
            if (root == null) return Optional.empty();
            int dot = root.lastIndexOf('.');
            String module = root.substring(0, dot), cls = root.substring(dot + 1);
            ZipEntry code = byTail.get("code/" + module.replace('.', '/') + ".py");
            if (code == null) return Optional.empty();
            return parseForward(new String(read(zip, code), StandardCharsets.UTF_8), cls);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] read(ZipFile zip, ZipEntry e) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    /** The first pickle GLOBAL ('c' module '\n' name '\n') naming a {@code __torch__} class. */
    static String rootClass(byte[] pkl) {
        String s = new String(pkl, 0, Math.min(pkl.length, 4096), StandardCharsets.ISO_8859_1);
        int i = s.indexOf("c__torch__");
        if (i < 0) return null;
        int nl1 = s.indexOf('\n', i), nl2 = nl1 < 0 ? -1 : s.indexOf('\n', nl1 + 1);
        if (nl2 < 0) return null;
        return s.substring(i + 1, nl1) + "." + s.substring(nl1 + 1, nl2);
    }

    /** Parses {@code def forward(self: ..., a: T, b: U=default) -> R:} inside {@code class cls(...)}. */
    static Optional<ModelSignature> parseForward(String source, String cls) {
        int c = source.indexOf("class " + cls + "(");
        if (c < 0) return Optional.empty();
        int f = source.indexOf("def forward(", c);
        int nextClass = source.indexOf("\nclass ", c + 1);
        if (f < 0 || (nextClass >= 0 && f > nextClass)) return Optional.empty();
        int open = f + "def forward".length(), depth = 0, close = -1;
        for (int i = open; i < source.length(); i++) {
            char ch = source.charAt(i);
            if (ch == '(' || ch == '[') depth++;
            else if (ch == ')' || ch == ']') {
                if (--depth == 0) {
                    close = i;
                    break;
                }
            }
        }
        if (close < 0) return Optional.empty();
        List<TensorDecl> inputs = new ArrayList<>();
        List<String> params = splitTopLevel(source.substring(open + 1, close));
        for (int k = 1; k < params.size(); k++) { // skip self
            String p = params.get(k).strip();
            if (p.isEmpty()) continue;
            int colon = p.indexOf(':');
            String name = (colon < 0 ? p : p.substring(0, colon)).strip();
            String type = colon < 0 ? "?" : p.substring(colon + 1).strip();
            inputs.add(new TensorDecl(name, type, List.of()));
        }
        int end = source.indexOf(":\n", close);
        String ret = "?";
        int arrow = source.indexOf("->", close);
        if (arrow >= 0 && (end < 0 || arrow < end)) ret = source.substring(arrow + 2, end < 0 ? source.length() : end).strip();
        return Optional.of(new ModelSignature("TorchScript", inputs, List.of(new TensorDecl("return", ret, List.of()))));
    }

    /** Splits on commas outside brackets. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '[' || ch == '(') depth++;
            else if (ch == ']' || ch == ')') depth--;
            else if (ch == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }
}
