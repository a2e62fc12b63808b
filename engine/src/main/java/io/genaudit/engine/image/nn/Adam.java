package io.genaudit.engine.image.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Adam optimiser (Kingma and Ba) over a block's trainable parameters, with its moment estimates and step count
 * saved and restored with the checkpoint, so a resumed run continues exactly where it stopped (DJL's built-in
 * optimisers keep that state private). Also zeroes gradients after each step.
 */
public final class Adam implements AutoCloseable {
    private final float lr, beta1, beta2, eps;
    private final List<Parameter> params = new ArrayList<>();
    private final NDManager manager;
    private final List<NDArray> m = new ArrayList<>(), v = new ArrayList<>();
    private long t;

    public Adam(Block block, NDManager parent, float lr, float beta1, float beta2) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = 1e-8f;
        this.manager = parent.newSubManager();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!p.getValue().requiresGradient()) continue;
            params.add(p.getValue());
            NDArray a = p.getValue().getArray();
            a.setRequiresGradient(true);
            m.add(manager.zeros(a.getShape(), a.getDataType()));
            v.add(manager.zeros(a.getShape(), a.getDataType()));
        }
    }

    /** Updates every parameter from its gradient, then zeroes the gradients. */
    public void step() {
        t++;
        float c1 = (float) (1 - Math.pow(beta1, t)), c2 = (float) (1 - Math.pow(beta2, t));
        try (NDManager tmp = manager.newSubManager()) {
            for (int i = 0; i < params.size(); i++) {
                NDArray w = params.get(i).getArray();
                NDArray g = w.getGradient();
                g.detach(); // never closed: the engine may hand out its own gradient slot, which must not be freed
                m.get(i).muli(beta1).addi(g.mul(1 - beta1));
                v.get(i).muli(beta2).addi(g.square().muli(1 - beta2));
                NDArray mHat = m.get(i).div(c1);
                mHat.attach(tmp);
                NDArray vHat = v.get(i).div(c2);
                vHat.attach(tmp);
                NDArray denom = vHat.sqrt().addi(eps);
                w.subi(mHat.muli(lr).divi(denom));
                g.subi(g);
            }
        }
    }

    /** Zeroes the gradients of these parameters (after a backward pass that should not update them). */
    public void zeroGradients() {
        try (NDManager tmp = manager.newSubManager()) {
            for (Parameter p : params) {
                NDArray g = p.getArray().getGradient();
                g.detach(); // never closed: the engine may hand out its own gradient slot, which must not be freed
                g.subi(g);
            }
        }
    }

    public long steps() {
        return t;
    }

    public void save(DataOutputStream out) throws IOException {
        out.writeLong(t);
        out.writeInt(params.size());
        for (int i = 0; i < params.size(); i++) {
            writeArray(out, m.get(i));
            writeArray(out, v.get(i));
        }
    }

    public void load(DataInputStream in) throws IOException {
        t = in.readLong();
        int n = in.readInt();
        if (n != params.size()) throw new IOException("optimizer state has " + n + " parameters, model has " + params.size());
        for (int i = 0; i < n; i++) {
            readArray(in, m.get(i));
            readArray(in, v.get(i));
        }
    }

    private static void writeArray(DataOutputStream out, NDArray a) throws IOException {
        float[] f = a.toFloatArray();
        out.writeInt(f.length);
        for (float x : f) out.writeFloat(x);
    }

    private static void readArray(DataInputStream in, NDArray target) throws IOException {
        int n = in.readInt();
        if (n != target.size()) throw new IOException("optimizer state size " + n + " != " + target.size());
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = in.readFloat();
        target.set(f);
    }

    @Override
    public void close() {
        manager.close();
    }
}
