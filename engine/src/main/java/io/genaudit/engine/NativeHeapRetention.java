package io.genaudit.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * Stops glibc's malloc from handing libtorch's tensor buffers back to the kernel after every operator, which made
 * each forward pass page-fault its activations in again. A JVM runs libtorch on a non-main malloc arena: blocks above
 * the mmap threshold get their own mapping and an arena heap is unmapped or shrunk as soon as it falls empty, so the
 * bench LM's [16, 256] batch cost about 17,700 minor faults per forward pass (about 180 in Python, whose main arena
 * keeps the memory) and its element-wise operators ran several times slower than in PyTorch. Two process-wide
 * {@code mallopt} settings fix it: a fixed mmap threshold of 32 MiB (the largest glibc accepts) and a top pad of
 * 64 MiB (an arena heap's size, so no heap is trimmed or released). Freed native memory then stays with the process,
 * up to its peak. Linux with glibc only; elsewhere, or with {@code -Dgenaudit.malloc.retain=false}, nothing changes.
 */
public final class NativeHeapRetention {
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int MMAP_THRESHOLD = 32 << 20;
    private static final int TOP_PAD = 64 << 20;
    private static Boolean applied;

    private NativeHeapRetention() {
    }

    /** Applies the settings once per process; true when glibc accepted both. */
    public static synchronized boolean apply() {
        if (applied == null) applied = tryApply();
        return applied;
    }

    private static boolean tryApply() {
        if (!Boolean.parseBoolean(System.getProperty("genaudit.malloc.retain", "true"))) return false;
        if (!System.getProperty("os.name", "").startsWith("Linux")) return false;
        try {
            Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
            boolean threshold = mallopt.invokeInt(new Object[]{M_MMAP_THRESHOLD, MMAP_THRESHOLD}) == 1;
            boolean pad = mallopt.invokeInt(new Object[]{M_TOP_PAD, TOP_PAD}) == 1;
            return threshold && pad;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false; // no glibc (e.g. musl without mallopt): keep the allocator's defaults
        }
    }
}
