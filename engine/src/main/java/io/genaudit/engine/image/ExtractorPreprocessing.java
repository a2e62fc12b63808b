package io.genaudit.engine.image;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a feature extractor expects its input to look like, declared in the plan or the model's
 * {@code genaudit-model.json}: a resize (size and method) and a value mapping. Applied to every batch before the
 * network, so FID from image folders reproduces the tool the network comes from:
 * <ul>
 *   <li>{@code legacy-bilinear}: PyTorch bilinear without antialiasing ({@link Resize#torchBilinear}), what
 *   pytorch-fid does inside its Inception network;</li>
 *   <li>{@code clean-bicubic} / {@code clean-bilinear}: Pillow-exact antialiased resize on float values, clipped to
 *   [0,1] (clean-fid's "clean" mode);</li>
 *   <li>{@code none}: images go in at their own size.</li>
 * </ul>
 * Values: {@code inputRange} [0,1] (as read), [-1,1] ({@code 2x-1}, pytorch-fid's {@code normalize_input}) or [0,255];
 * or per-channel {@code mean}/{@code std} on [0,1] values (ImageNet-style normalisation).
 *
 * @param height  target height (0 with method none)
 * @param width   target width (0 with method none)
 * @param method  resize method
 * @param range   value range the network expects, used when {@code mean} is null
 * @param mean    per-channel mean on [0,1] values, or null
 * @param std     per-channel standard deviation, or null
 */
public record ExtractorPreprocessing(int height, int width, Method method, String range, float[] mean, float[] std) {
    /** Resize methods. */
    public enum Method {
        NONE("none"), LEGACY_BILINEAR("legacy-bilinear"), CLEAN_BICUBIC("clean-bicubic"), CLEAN_BILINEAR("clean-bilinear");

        public final String planName;

        Method(String planName) {
            this.planName = planName;
        }

        /** The method named {@code s} in a plan, or an IllegalArgumentException listing the names. */
        public static Method parse(String s) {
            for (Method m : values()) if (m.planName.equals(s)) return m;
            throw new IllegalArgumentException("resize method must be one of none, legacy-bilinear, clean-bicubic, clean-bilinear; got '" + s + "'");
        }
    }

    /** No resize, values as read. */
    public static final ExtractorPreprocessing IDENTITY = new ExtractorPreprocessing(0, 0, Method.NONE, "[0,1]", null, null);

    public ExtractorPreprocessing {
        if (method != Method.NONE && (height < 1 || width < 1)) throw new IllegalArgumentException("a resize needs a positive size, got " + width + "x" + height);
        if (!range.equals("[0,1]") && !range.equals("[-1,1]") && !range.equals("[0,255]")) {
            throw new IllegalArgumentException("inputRange must be [0,1], [-1,1] or [0,255], got '" + range + "'");
        }
        if ((mean == null) != (std == null)) throw new IllegalArgumentException("mean and std go together");
        if (mean != null && (mean.length != 3 || std.length != 3)) throw new IllegalArgumentException("mean and std need 3 values (R, G, B)");
        if (std != null) for (float s : std) if (!(s > 0)) throw new IllegalArgumentException("std values must be positive, got " + Arrays.toString(std));
    }

    /** Option keys (plan model options and sidecar keys) that declare preprocessing. */
    public static final java.util.Set<String> OPTIONS = java.util.Set.of("resize", "resizeMethod", "inputRange", "mean", "std");

    /**
     * Preprocessing from model options: {@code resize} (N or [H, W]), {@code resizeMethod} (default clean-bicubic when
     * a size is given), {@code inputRange}, {@code mean}/{@code std}. IllegalArgumentException names the key.
     */
    public static ExtractorPreprocessing fromOptions(java.util.Map<String, Object> o) {
        int h = 0, w = 0;
        Object size = o.get("resize");
        if (size instanceof Number n) h = w = whole("resize", n);
        else if (size instanceof java.util.List<?> l && l.size() == 2 && l.get(0) instanceof Number a && l.get(1) instanceof Number b) {
            h = whole("resize", a);
            w = whole("resize", b);
        } else if (size != null) throw new IllegalArgumentException("resize: a size N or [height, width] expected, got " + size);
        Method m;
        try {
            m = o.containsKey("resizeMethod") ? Method.parse(String.valueOf(o.get("resizeMethod"))) : size == null ? Method.NONE : Method.CLEAN_BICUBIC;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("resizeMethod: " + e.getMessage());
        }
        if (m != Method.NONE && size == null) throw new IllegalArgumentException("resizeMethod: needs a size (resize: [H, W])");
        if (m == Method.NONE) h = w = 0;
        String range = String.valueOf(o.getOrDefault("inputRange", "[0,1]")).replace(" ", "");
        try {
            return new ExtractorPreprocessing(h, w, m, range, floats("mean", o.get("mean")), floats("std", o.get("std")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((e.getMessage().startsWith("inputRange") ? "" : "mean/std/inputRange: ") + e.getMessage());
        }
    }

    private static int whole(String key, Number n) {
        if (n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < 1) throw new IllegalArgumentException(key + ": positive integers expected, got " + n);
        return n.intValue();
    }

    private static float[] floats(String key, Object v) {
        if (v == null) return null;
        if (!(v instanceof java.util.List<?> l)) throw new IllegalArgumentException(key + ": a list of 3 numbers expected, got " + v);
        float[] out = new float[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Number n)) throw new IllegalArgumentException(key + ": numbers expected, got " + l.get(i));
            out[i] = n.floatValue();
        }
        return out;
    }

    /** Whether this changes anything. */
    public boolean isIdentity() {
        return method == Method.NONE && range.equals("[0,1]") && mean == null;
    }

    /** The batch resized and mapped as declared (a new array; {@code batch} is not modified). */
    public Images apply(Images batch) {
        Images r = switch (method) {
            case NONE -> batch;
            case LEGACY_BILINEAR -> Resize.torchBilinear(batch, height, width);
            case CLEAN_BICUBIC -> Resize.cleanFid(batch, height, width);
            case CLEAN_BILINEAR -> clip(Resize.resize(batch, height, width, Resize.Filter.BILINEAR, Resize.Precision.FLOAT));
        };
        if (range.equals("[0,1]") && mean == null) return r;
        float[] d = r == batch ? batch.data().clone() : r.data();
        int plane = r.height() * r.width();
        for (int i = 0; i < d.length; i++) {
            int c = (i / plane) % r.channels();
            if (mean != null) d[i] = (d[i] - mean[c]) / std[c];
            else if (range.equals("[-1,1]")) d[i] = 2 * d[i] - 1;
            else d[i] = 255 * d[i];
        }
        return new Images(r.n(), r.channels(), r.height(), r.width(), d);
    }

    private static Images clip(Images r) {
        float[] d = r.data();
        for (int i = 0; i < d.length; i++) d[i] = Math.max(0f, Math.min(1f, d[i]));
        return r;
    }

    /** For provenance: "legacy-bilinear to 299x299, values [-1,1]". */
    public String describe() {
        String size = method == Method.NONE ? "no resize" : method.planName + " to " + width + "x" + height;
        String values = mean != null ? String.format(Locale.ROOT, "(x - %s) / %s", Arrays.toString(mean), Arrays.toString(std)) : "values " + range;
        return size + ", " + values;
    }
}
