package io.genaudit.engine.image;

import io.genaudit.engine.InputException;
import io.genaudit.engine.io.NpyArray;
import io.genaudit.engine.io.NpyDtype;
import io.genaudit.engine.io.NpyFile;
import io.genaudit.engine.io.NpzReader;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Images from a NumPy array file: {@code .npy} (streamed by rows, via engine.io's reader) or {@code .npz} (array {@code images}, or the only
 * array), laid out [N, H, W, C] with C = 1 or 3, or [N, H, W] for grey. uint8 values are divided by 255; float32/64
 * values must already lie in [0,1]. Anything else is an {@link InputException} saying what was expected and found.
 */
public final class ArrayImageSource implements ImageSource {
    private final Path file;
    private final NpyArray whole;
    private final NpyDtype dtype;
    private final int n, h, w, c;

    private ArrayImageSource(Path file, NpyArray whole, NpyDtype dtype, long[] shape) {
        this.file = file;
        this.whole = whole;
        this.dtype = dtype;
        if (shape.length != 3 && shape.length != 4) {
            throw new InputException(file, "image array of shape [N, H, W, C] (C = 1 or 3) or [N, H, W] expected, found " + Arrays.toString(shape));
        }
        if (shape.length == 4 && shape[3] != 1 && shape[3] != 3) {
            throw new InputException(file, "channels-last images [N, H, W, C] with C = 1 or 3 expected, found " + Arrays.toString(shape)
                    + (shape[1] == 1 || shape[1] == 3 ? " (looks channels-first; transpose to NHWC)" : ""));
        }
        if (dtype != NpyDtype.UINT8 && dtype != NpyDtype.FLOAT32 && dtype != NpyDtype.FLOAT64) {
            throw new InputException(file, "uint8 (0..255) or float32/float64 (0..1) pixels expected, found " + dtype);
        }
        this.n = Math.toIntExact(shape[0]);
        this.h = Math.toIntExact(shape[1]);
        this.w = Math.toIntExact(shape[2]);
        this.c = shape.length == 4 ? (int) shape[3] : 1;
        if (n == 0) throw new InputException(file, "the array holds no images (first axis is 0)");
    }

    /** Opens {@code .npy} or {@code .npz} images. */
    public static ArrayImageSource open(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            try (NpyFile f = NpyFile.open(file)) {
                return new ArrayImageSource(file, null, f.header().dtype(), f.header().shape());
            }
        }
        if (name.endsWith(".npz")) {
            Map<String, NpyArray> all = NpzReader.read(file);
            NpyArray a = all.get("images");
            if (a == null && all.size() == 1) a = all.values().iterator().next();
            if (a == null) throw new InputException(file, "an array named 'images' (or a single array) expected, found " + all.keySet());
            return new ArrayImageSource(file, a, a.dtype(), a.shape());
        }
        throw new InputException(file, ".npy or .npz image array expected");
    }

    public int channels() {
        return c;
    }

    public int height() {
        return h;
    }

    public int width() {
        return w;
    }

    @Override
    public int size() {
        return n;
    }

    private Images convert(NpyArray rows, int from, int count) {
        float[] v;
        if (whole != null) {
            int per = h * w * c;
            v = new float[count * per];
            for (int i = 0; i < v.length; i++) v[i] = (float) rows.getDouble(from * per + i);
        } else {
            v = rows.toFloatArray();
        }
        float scale = dtype == NpyDtype.UINT8 ? 1f / 255f : 1f;
        float[] out = new float[v.length];
        int plane = h * w;
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < plane; p++) {
                for (int ch = 0; ch < c; ch++) {
                    float x = v[(i * plane + p) * c + ch] * scale;
                    if (dtype != NpyDtype.UINT8 && !(x >= -1e-6f && x <= 1 + 1e-6f)) {
                        throw new InputException(file, "float pixels in [0,1] expected, found " + x + " in image " + (from + i));
                    }
                    out[(i * c + ch) * plane + p] = Math.max(0f, Math.min(1f, x));
                }
            }
        }
        return new Images(count, c, h, w, out);
    }

    @Override
    public Iterator<Images> batches(int batchSize) {
        return RangeBatches.of(n, batchSize, (k, from, count) -> {
            if (whole != null) return convert(whole, from, count);
            try (NpyFile f = NpyFile.open(file)) { // opened per batch: an ImageSource holds no open files
                return convert(f.readRows(from, count), from, count);
            }
        });
    }

    @Override
    public String describe() {
        return "array " + file + " (" + n + " images " + w + "x" + h + "x" + c + ", " + dtype.name().toLowerCase(Locale.ROOT) + ")";
    }
}
