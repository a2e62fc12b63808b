import io.genaudit.metrics.fidelity.FrechetDistance;
import io.genaudit.metrics.fidelity.GaussianStatistics;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times genaudit's Fréchet distance on 2048-d statistics of N=2100 features generated exactly like
 * fixtures/reference/fidelity/make_reference.py's features_2048 (splitmix64 uniforms), so the value can be compared
 * with pytorch-fid's (scipy sqrtm) on identical input. Run through bench/fidelity/run.sh.
 */
public class FrechetBench {
    static double u(long seed, long i) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    static double[][] features(int n, int which) {
        int d = 2048;
        double[][] uu = new double[n][d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) uu[i][j] = u(which, (long) i * d + j);
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) {
            out[i][j] = which == 1 ? uu[i][j] + 0.3 * uu[i][(7 * j + 3) % d] : uu[i][j] + 0.5 * uu[i][(j + 1) % d] + 0.05 * j / d;
        }
        return out;
    }

    /** OpenBLAS's own view of its thread count and kernel (what the distance's BLAS/LAPACK calls run on). */
    static String openblasInfo() {
        try {
            org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas.class);
            Linker linker = Linker.nativeLinker();
            MethodHandle threads = linker.downcallHandle(MemorySegment.ofAddress(
                    org.bytedeco.javacpp.Loader.addressof("openblas_get_num_threads").address()), FunctionDescriptor.of(ValueLayout.JAVA_INT));
            MethodHandle core = linker.downcallHandle(MemorySegment.ofAddress(
                    org.bytedeco.javacpp.Loader.addressof("openblas_get_corename").address()), FunctionDescriptor.of(ValueLayout.ADDRESS));
            int n = (int) threads.invokeExact();
            MemorySegment name = (MemorySegment) core.invokeExact();
            return "OpenBLAS " + n + " threads, " + name.reinterpret(64).getString(0);
        } catch (Throwable e) {
            return "OpenBLAS threads unknown (" + e + ")";
        }
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2100;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long t0 = System.nanoTime();
        GaussianStatistics a = GaussianStatistics.of(features(n, 1));
        GaussianStatistics b = GaussianStatistics.of(features(n, 2));
        double[] m1 = a.mean(), m2 = b.mean();
        double[][] s1 = a.covariance(), s2 = b.covariance();
        double statsSeconds = (System.nanoTime() - t0) / 1e9;
        double[] times = new double[reps];
        FrechetDistance.Result r = null;
        for (int k = 0; k < reps; k++) {
            long t = System.nanoTime();
            r = FrechetDistance.compute(m1, s1, m2, s2);
            times[k] = (System.nanoTime() - t) / 1e9;
        }
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "genaudit  FID %.12f  distance best %.3f s  median %.3f s  (route %s; %d runs; %s; statistics of 2x%d rows %.2f s)%n",
                r.value(), sorted[0], sorted[reps / 2], r.method(), reps, openblasInfo(), n, statsSeconds);
    }
}
