package io.genaudit.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Adam optimiser (Kingma and Ba) over named trainable arrays, for every trainer of the engine (Transformer,
 * DCGAN, VAE, shapes CNN). Its moment estimates and step count are saved and restored with a checkpoint, so a resumed
 * run continues bit for bit (DJL's built-in optimisers keep that state private). Each step also zeroes the gradients.
 * The update is the paper's efficient form: w -= lr * sqrt(1-beta2^t)/(1-beta1^t) * m / (sqrt(v) + eps * sqrt(1-beta2^t)).
 */
public final class Adam implements AutoCloseable {
    private static final float EPSILON = 1e-8f;

    private final Supplier<Map<String, NDArray>> params;
    private final float beta1, beta2;
    private final NDManager manager;
    private Map<String, NDArray> means = new LinkedHashMap<>();
    private Map<String, NDArray> variances = new LinkedHashMap<>();
    private long steps;

    private Adam(Supplier<Map<String, NDArray>> params, NDManager parent, float beta1, float beta2) {
        this.params = params;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.manager = parent.newSubManager();
        for (var e : params.get().entrySet()) {
            NDArray w = e.getValue();
            w.setRequiresGradient(true);
            means.put(e.getKey(), manager.zeros(w.getShape(), w.getDataType()));
            variances.put(e.getKey(), manager.zeros(w.getShape(), w.getDataType()));
        }
    }

    /**
     * Over a block's trainable parameters, by parameter name. Their arrays are looked up at every step, because
     * loading weights (a checkpoint) replaces them.
     */
    public static Adam forBlock(Block block, NDManager parent, float beta1, float beta2) {
        return new Adam(() -> trainable(block), parent, beta1, beta2);
    }

    /** Over a map of named arrays that stays current (its arrays may be replaced, e.g. by loading a checkpoint). */
    public static Adam forArrays(Map<String, NDArray> params, NDManager parent, float beta1, float beta2) {
        return new Adam(() -> params, parent, beta1, beta2);
    }

    private static Map<String, NDArray> trainable(Block block) {
        Map<String, NDArray> m = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) m.put(p.getKey(), p.getValue().getArray());
        }
        return m;
    }

    /**
     * One update of every parameter from its gradient at learning rate {@code lr}, with bias correction; gradients are
     * reset to zero. Call it outside gradient recording, so the in-place updates are not traced.
     */
    public void step(float lr) {
        steps++;
        double coef1 = 1.0 - Math.pow(beta1, steps);
        double coef2 = 1.0 - Math.pow(beta2, steps);
        float stepSize = (float) (lr * Math.sqrt(coef2) / coef1);
        float epsHat = (float) (EPSILON * Math.sqrt(coef2));
        try (NDManager scratch = manager.newSubManager()) {
            for (var e : params.get().entrySet()) {
                NDArray w = e.getValue();
                NDArray g = w.getGradient(); // a new handle on the gradient: closing it with scratch leaves the gradient
                g.attach(scratch);
                NDArray m = means.get(e.getKey()), v = variances.get(e.getKey());
                m.muli(beta1).addi(g.mul(1 - beta1));   // g's results belong to scratch
                v.muli(beta2).addi(g.square().muli(1 - beta2));
                NDArray denominator = v.sqrt().addi(epsHat);
                denominator.attach(scratch);
                NDArray update = m.div(denominator).muli(stepSize);
                update.attach(scratch);
                w.subi(update);
                g.subi(g);
            }
        }
    }

    /** Zeroes the gradients of these parameters (after a backward pass that must not update them). */
    public void zeroGradients() {
        try (NDManager scratch = manager.newSubManager()) {
            for (NDArray w : params.get().values()) {
                NDArray g = w.getGradient();
                g.attach(scratch);
                g.subi(g);
            }
        }
    }

    public long steps() {
        return steps;
    }

    /** Writes the step count and the moment estimates ({@link NamedArrays}). */
    public void save(DataOutputStream out) throws IOException {
        out.writeLong(steps);
        NamedArrays.write(out, means);
        NamedArrays.write(out, variances);
    }

    /** Restores the state written by {@link #save}; {@code what} names the source in errors. */
    public void load(DataInputStream in, String what) throws IOException {
        long s;
        try {
            s = in.readLong();
        } catch (java.io.EOFException e) {
            throw new io.genaudit.engine.InputException(what, "ends early: a truncated or corrupt optimiser state (delete the checkpoint, or train again without --resume)", e);
        }
        Map<String, NDArray> m = NamedArrays.read(in, means, manager, what);
        Map<String, NDArray> v;
        try {
            v = NamedArrays.read(in, variances, manager, what);
        } catch (IOException | RuntimeException e) {
            m.values().forEach(NDArray::close);
            throw e;
        }
        means.values().forEach(NDArray::close);
        variances.values().forEach(NDArray::close);
        means = m;
        variances = v;
        steps = s;
    }

    @Override
    public void close() {
        manager.close();
    }
}
