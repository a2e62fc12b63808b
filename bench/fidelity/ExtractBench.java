import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.FileFeatureExtractor;
import io.genaudit.engine.image.ModelFileFormat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Extraction-throughput bench, DJL side: times FileFeatureExtractor (TorchScript) on N seeded 3xSIZExSIZE images in batches
 * (the model written by extract_torch.py). Run through bench/fidelity/run.sh.
 */
public class ExtractBench {
    public static void main(String[] args) {
        Path model = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        int size = args.length > 3 ? Integer.parseInt(args[3]) : 32; // image side: 32 (small CNN) or 299 (InceptionV3)
        float[] data = new float[n * 3 * size * size];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < data.length; i++) data[i] = (float) r.nextDouble();
        Images all = new Images(n, 3, size, size, data);
        try (FileFeatureExtractor ex = FileFeatureExtractor.load(model, ModelFileFormat.TORCHSCRIPT, size, size)) {
            for (int w = 0; w < 3; w++) ex.extract(all.slice(0, batch)); // warm-up (TorchScript profiling executor runs)
            long t = System.nanoTime();
            double s = 0;
            for (int i = 0; i < n; i += batch) {
                for (double[] row : ex.extract(all.slice(i, Math.min(n, i + batch)))) for (double v : row) s += v;
            }
            double dt = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "genaudit  %d images in %.3f s: %.1f images/s (DJL FileFeatureExtractor, TorchScript, dim %d; checksum %.6f)%n",
                    n, dt, n / dt, ex.dimension(), s);
        }
    }
}
