package io.genaudit.engine.image.nn;

import io.genaudit.engine.image.Latents;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

import java.util.SplittableRandom;

/**
 * Weight initialiser drawing from a Java generator seeded by the training seed, so initial weights do not depend on
 * the engine's global random state (which other threads may touch). Parameters are initialised in block order, which
 * is fixed, so the same seed gives the same weights. {@link #gaussian} is DCGAN's N(0, 0.02);
 * {@link #heUniform} is U(-b, b) with b = sqrt(6 / fan_in), fan_in = product of all dims but the first.
 */
public final class SeededInitializer implements Initializer {
    private final SplittableRandom rnd;
    private final double std;
    private final boolean gaussian;

    private SeededInitializer(long seed, double std, boolean gaussian) {
        this.rnd = new SplittableRandom(seed);
        this.std = std;
        this.gaussian = gaussian;
    }

    public static SeededInitializer gaussian(long seed, double std) {
        return new SeededInitializer(seed, std, true);
    }

    public static SeededInitializer heUniform(long seed) {
        return new SeededInitializer(seed, 0, false);
    }

    @Override
    public synchronized NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        long n = shape.size();
        float[] v = new float[Math.toIntExact(n)];
        if (gaussian) {
            for (int i = 0; i < v.length; i++) v[i] = (float) (std * Latents.gaussian(rnd));
        } else {
            long fanIn = shape.dimension() > 1 ? n / shape.get(0) : n;
            double b = Math.sqrt(6.0 / Math.max(1, fanIn));
            for (int i = 0; i < v.length; i++) v[i] = (float) ((rnd.nextDouble() * 2 - 1) * b);
        }
        if (dataType != DataType.FLOAT32) throw new IllegalArgumentException("float32 parameters expected, got " + dataType);
        return Tensors.create(manager, v, shape);
    }
}
