package io.genaudit.engine.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Provokes the use-after-free that Java-buffer-backed tensors suffer under autograd (see {@link EngineArrays}):
 * {@link #overwrite} collects garbage, gives the cleaner thread time to free unreachable direct buffers, then
 * allocates many small direct buffers filled with NaN in the calling thread, which re-use the freed memory; a tensor
 * still reading such memory in the backward pass then sees NaN instead of its value. {@link #prime} (call it before
 * the forward pass) first fills the cleaner thread's malloc cache, so the memory it frees next goes back to the
 * allocating thread's arena, where {@link #overwrite} finds it.
 */
public final class FreedNativeMemory {
    private FreedNativeMemory() {
    }

    public static void prime() throws InterruptedException {
        List<ByteBuffer> junk = nanBuffers(300);
        junk.clear();
        System.gc();
        Thread.sleep(20);
    }

    /** The NaN-filled buffers; keep them reachable until the backward pass has run. */
    public static List<ByteBuffer> overwrite() throws InterruptedException {
        System.gc();
        Thread.sleep(10);
        return nanBuffers(3000);
    }

    private static List<ByteBuffer> nanBuffers(int n) {
        List<ByteBuffer> junk = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 << (i % 3)).order(ByteOrder.nativeOrder());
            for (int k = 0; k + 4 <= b.capacity(); k += 4) b.putFloat(k, Float.NaN);
            junk.add(b);
        }
        return junk;
    }
}
