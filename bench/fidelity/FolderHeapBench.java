import io.genaudit.engine.Progress;
import io.genaudit.engine.image.FileFeatureExtractor;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.ModelFileFormat;
import io.genaudit.engine.image.PngWriter;
import io.genaudit.metrics.contract.BatchSource;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.FeatureBatches;
import io.genaudit.metrics.fidelity.FeaturePairState;
import io.genaudit.metrics.fidelity.FeatureSet;
import io.genaudit.metrics.fidelity.FidMetric;
import io.genaudit.metrics.fidelity.FeatureSetLoader;
import io.genaudit.metrics.fidelity.FrechetDistance;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Memory of FID on an image folder as the folder grows: writes N seeded 32x32 PNGs into DIR/N (once), then streams
 * them (and a fixed 1,000-image real folder) through a TorchScript extractor into Gaussian statistics exactly as
 * {@code genaudit fid --real A --fake B} and the fid audit do without a bootstrap, and prints the peak live heap (heap in
 * use right after a full collection, sampled every second during the run: what the run needs), the peak heap including
 * garbage (bounded by -Xmx, not a need) and the peak resident set (VmHWM). Run through bench/fidelity/heap.sh, one
 * JVM per N, so each peak is its own. Optional MODE: {@code loader} (the default, as above), {@code streamed} (the fid
 * metric fed batch by batch, as the plan module and {@code genaudit fid} feed it) or {@code materialised} (every row
 * extracted first, as they fed it before), and WIDTH (features widened to WIDTH dims, see {@link Widened}).
 */
public class FolderHeapBench {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path model = Path.of(args[2]);
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        String mode = args.length > 4 ? args[4] : "loader";
        int width = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        Path real = write(root.resolve("real-1000"), 1000, 7);
        Path fake = write(root.resolve("fake-" + n), n, 11);
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
        // the live set: heap in use right after a full collection, sampled every second while the folders stream
        long[] live = {0};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                synchronized (live) {
                    live[0] = Math.max(live[0], used);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t = System.nanoTime();
        java.util.concurrent.Callable<Double> compute;
        try (FileFeatureExtractor torch = FileFeatureExtractor.load(model, ModelFileFormat.TORCHSCRIPT, 32, 32)) {
            ImageFeatureExtractor ex = width > 0 ? new Widened(torch, width) : torch;
            compute = switch (mode) {
                case "loader" -> {
                    FeatureSet a = FeatureSetLoader.fromImages("real", ImageFolderSource.open(real), ex, batch, false, Progress.SILENT);
                    FeatureSet b = FeatureSetLoader.fromImages("fake", ImageFolderSource.open(fake), ex, batch, false, Progress.SILENT);
                    yield () -> FrechetDistance.compute(a.mean(), a.covariance(), b.mean(), b.covariance()).value();
                }
                // the fid metric (bootstrap 0, no FID∞: moments-only state) fed as the plan and the command feed it now
                case "streamed" -> fidMetric(sink -> {
                    FeatureBatches.sendImages(FeatureBatch.Side.REAL, "real", ImageFolderSource.open(real), ex, batch, Progress.SILENT, sink);
                    FeatureBatches.sendImages(FeatureBatch.Side.FAKE, "fake", ImageFolderSource.open(fake), ex, batch, Progress.SILENT, sink);
                });
                // ... and as they fed it before: every row extracted into a FeatureSet, then cut into batches
                case "materialised" -> fidMetric(sink -> {
                    FeatureBatches.send(FeatureBatch.Side.REAL, FeatureSetLoader.fromImages("real", ImageFolderSource.open(real), ex, batch, true, Progress.SILENT), sink);
                    FeatureBatches.send(FeatureBatch.Side.FAKE, FeatureSetLoader.fromImages("fake", ImageFolderSource.open(fake), ex, batch, true, Progress.SILENT), sink);
                });
                default -> throw new IllegalArgumentException("mode must be loader, streamed or materialised, got " + mode);
            };
        }
        // the peak live heap is that of the streaming phase; the Fréchet distance itself (a few D x D matrices,
        // independent of N) runs after the sampler stops, so that one sample landing in it does not decide the peak
        sampler.interrupt();
        sampler.join();
        double fid = compute.call();
        double dt = (System.nanoTime() - t) / 1e9;
        long heap = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) heap += p.getPeakUsage().getUsed();
        }
        long hwm = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) hwm = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
        System.out.printf(Locale.ROOT, "%s, %d-d: ", mode, width > 0 ? width : 8);
        System.out.printf(Locale.ROOT, "N %d: FID %.4f in %.1f s (%.0f images/s); peak live heap after GC %.1f MiB; "
                        + "peak heap incl. garbage %.1f MiB (max heap %.0f MiB); peak RSS %.1f MiB%n",
                n, fid, dt, (n + 1000) / dt, live[0] / 1048576.0, heap / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0, hwm / 1048576.0);
    }

    private static java.util.concurrent.Callable<Double> fidMetric(BatchSource<FeatureBatch> feed) throws Exception {
        FidMetric m = new FidMetric();
        FidMetric.Params p = new FidMetric.Params(0, 0.95, false, 15, null, 0);
        FeaturePairState state = MetricRun.accumulate(m, p, feed);
        return () -> m.compute(state, p).value();
    }

    /**
     * A stand-in for a wide extractor (InceptionV3's pool3 is 2048-d): the TorchScript model's 8 features plus
     * {@code width - 8} fixed pixels of each image, so rows are as wide as asked at almost no extra cost.
     */
    record Widened(ImageFeatureExtractor inner, int width) implements ImageFeatureExtractor {
        public int dimension() {
            return width;
        }

        public double[][] extract(Images b) {
            double[][] f = inner.extract(b);
            int size = b.imageSize();
            double[][] out = new double[b.n()][width];
            for (int i = 0; i < b.n(); i++) {
                System.arraycopy(f[i], 0, out[i], 0, f[i].length);
                for (int j = f[i].length; j < width; j++) out[i][j] = b.data()[i * size + (int) ((j * 2654435761L) % size)];
            }
            return out;
        }

        public String describe() {
            return inner.describe() + " widened to " + width + "-d with pixels";
        }

        public void close() {
        }
    }

    /** N deterministic 32x32 PNGs (smooth random colour fields plus noise) in {@code dir}, written once. */
    static Path write(Path dir, int n, long seed) throws Exception {
        Path done = dir.resolve(".complete");
        if (Files.exists(done)) return dir;
        Files.createDirectories(dir);
        SplittableRandom r = new SplittableRandom(seed);
        int chunk = 256;
        for (int from = 0; from < n; from += chunk) {
            int m = Math.min(chunk, n - from);
            float[] d = new float[m * 3 * 32 * 32];
            for (int i = 0; i < m; i++) {
                for (int c = 0; c < 3; c++) {
                    double base = r.nextDouble(), gx = r.nextDouble() - 0.5, gy = r.nextDouble() - 0.5;
                    for (int y = 0; y < 32; y++) for (int x = 0; x < 32; x++) {
                        double v = base + gx * x / 32 + gy * y / 32 + 0.1 * (r.nextDouble() - 0.5);
                        d[((i * 3 + c) * 32 + y) * 32 + x] = (float) Math.max(0, Math.min(1, v));
                    }
                }
            }
            PngWriter.writeAll(dir, new Images(m, 3, 32, 32, d), "img", from, "bench");
        }
        Files.writeString(done, n + "\n");
        return dir;
    }
}
