package io.genaudit.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Pins PyTorch's intra-op thread count (process-wide) before a model is trained, loaded or run. One thread by default: results
 * then do not depend on the machine's core count (parallel reductions can round differently), and a shared or
 * oversubscribed CPU does not slow training down several-fold through thread contention. Override with
 * {@code -Dgenaudit.torch.threads=N}; an explicit {@code -Dai.djl.pytorch.num_threads} is left alone. It also applies
 * {@link NativeHeapRetention}, so libtorch's buffers are reused instead of page-faulted in on every forward pass.
 */
public final class TorchThreads {
    private static volatile boolean done;

    private TorchThreads() {
    }

    /** Applies the setting once per process. */
    public static synchronized void pin() {
        if (done) return;
        done = true;
        NativeHeapRetention.apply();
        if (System.getProperty("ai.djl.pytorch.num_threads") != null) return;
        int n = Integer.getInteger("genaudit.torch.threads", 1);
        if (!"PyTorch".equals(Engine.getInstance().getEngineName())) return;
        if (n > 0) JniUtils.setNumThreads(n);
    }
}
