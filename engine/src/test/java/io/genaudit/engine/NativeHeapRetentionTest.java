package io.genaudit.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With {@link NativeHeapRetention} applied, libtorch buffers freed and allocated again are reused. Each round keeps six
 * 16 MiB tensors alive at once (more than one 64 MiB arena heap, like a forward pass) and then frees them; with glibc's
 * defaults a JVM faults about 1,600-2,100 pages in per round (measured), with the retention almost none.
 */
class NativeHeapRetentionTest {
    private static long minorFaults() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[7]);
    }

    @Test
    void freedTensorMemoryIsReusedWithoutPageFaults() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && Files.isReadable(Path.of("/proc/self/stat")));
        TorchThreads.pin();
        assertTrue(NativeHeapRetention.apply(), "glibc accepted the mallopt settings");
        try (NDManager base = NDManager.newBaseManager()) {
            int rounds = 30;
            long before = 0;
            for (int i = -2; i < rounds; i++) { // two warm-up rounds grow the arena once
                if (i == 0) before = minorFaults();
                try (NDManager sm = base.newSubManager()) {
                    NDArray x = sm.ones(new Shape(4 << 20));
                    for (int k = 0; k < 5; k++) x = x.add(1f); // all six stay alive until sm closes
                    assertEquals(6f * (4 << 20), x.sum().getFloat());
                }
            }
            double perRound = (minorFaults() - before) / (double) rounds;
            assertTrue(perRound < 512, perRound + " minor faults per round of six 16 MiB tensors");
        }
    }
}
