package io.genaudit.metrics.numerics;

/**
 * numpy's legacy {@code np.random.RandomState(seed)} (MT19937 seeded with {@code init_genrand}) for the two draws the
 * peers use: {@code permutation(n)} and {@code choice(n, m, replace=False)}. Reproducing the stream lets genaudit pick
 * exactly the KID subsets and Inception-Score shuffle torch-fidelity picks for the same seed (default 2020).
 */
public final class NumpyRandomState {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int mti;

    /** A generator in the state of {@code np.random.RandomState(seed)}; the seed must lie in [0, 2^32-1] like numpy's. */
    public NumpyRandomState(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) throw new IllegalArgumentException("numpy seeds must be between 0 and 2**32 - 1, got " + seed);
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        mti = N;
    }

    /** The next 32 random bits as an unsigned value (genrand_int32). */
    public long nextUint32() {
        if (mti >= N) {
            int kk;
            for (kk = 0; kk < N - M; kk++) {
                int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
                mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            for (; kk < N - 1; kk++) {
                int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
                mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            int y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
            mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            mti = 0;
        }
        int y = mt[mti++];
        y ^= (y >>> 11);
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= (y >>> 18);
        return Integer.toUnsignedLong(y);
    }

    /** A uniform integer in [0, max] by masked rejection (numpy's {@code random_interval}). */
    long interval(long max) {
        if (max == 0) return 0;
        if (max > 0xFFFFFFFFL) throw new IllegalArgumentException("interval too large: " + max);
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long v;
        while ((v = (nextUint32() & mask)) > max) {
            // rejected, draw again
        }
        return v;
    }

    /** {@code permutation(n)}: arange(n) shuffled by numpy's Fisher-Yates from the end. */
    public int[] permutation(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = n - 1; i >= 1; i--) {
            int j = (int) interval(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** {@code choice(n, m, replace=False)}: the first m entries of {@code permutation(n)}. */
    public int[] choiceWithoutReplacement(int n, int m) {
        if (m > n) throw new IllegalArgumentException("cannot take a larger sample (" + m + ") than the population (" + n + ") without replacement");
        int[] p = permutation(n);
        return java.util.Arrays.copyOf(p, m);
    }
}
