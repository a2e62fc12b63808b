package io.genaudit.engine.lm.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (with decoupled weight decay when set) over a {@link CausalTransformer}'s named parameters, keeping its moment
 * estimates as named arrays so a checkpoint can save and restore them and a resumed run continues bit for bit.
 */
final class AdamOptimizer {
    private final float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;
    private final float weightDecay;
    private Map<String, NDArray> means = new LinkedHashMap<>();
    private Map<String, NDArray> variances = new LinkedHashMap<>();
    private long steps;

    AdamOptimizer(Map<String, NDArray> params, float weightDecay) {
        this.weightDecay = weightDecay;
        for (var e : params.entrySet()) {
            means.put(e.getKey(), e.getValue().zerosLike());
            variances.put(e.getKey(), e.getValue().zerosLike());
        }
    }

    long steps() {
        return steps;
    }

    /**
     * One update of every parameter from its gradient, at learning rate {@code lr}, with bias correction; gradients
     * are reset to zero. Runs outside any gradient recording, so the in-place updates are not traced.
     */
    void step(Map<String, NDArray> params, float lr, NDManager scratch) {
        steps++;
        double coef1 = 1.0 - Math.pow(beta1, steps);
        double coef2 = 1.0 - Math.pow(beta2, steps);
        float stepSize = (float) (lr * Math.sqrt(coef2) / coef1);
        float epsHat = (float) (epsilon * Math.sqrt(coef2));
        for (var e : params.entrySet()) {
            NDArray w = e.getValue();
            NDArray g = w.getGradient();
            g.attach(scratch);
            NDArray m = means.get(e.getKey()), v = variances.get(e.getKey());
            NDArray tmp = g.mul(1 - beta1);
            tmp.attach(scratch);
            m.muli(beta1).addi(tmp);
            NDArray sq = g.square().muli(1 - beta2);
            sq.attach(scratch);
            v.muli(beta2).addi(sq);
            NDArray update = v.sqrt().addi(epsHat);
            update.attach(scratch);
            update = m.div(update).muli(stepSize);
            update.attach(scratch);
            if (weightDecay > 0) w.muli(1 - lr * weightDecay);
            w.subi(update);
            g.subi(g);
        }
    }

    void save(DataOutputStream out) throws IOException {
        out.writeLong(steps);
        CausalTransformer.writeArrays(out, means);
        CausalTransformer.writeArrays(out, variances);
    }

    void load(DataInputStream in, NDManager manager, String what) throws IOException {
        long s = in.readLong();
        Map<String, NDArray> m = CausalTransformer.readArrays(in, means, manager, what);
        Map<String, NDArray> v = CausalTransformer.readArrays(in, variances, manager, what);
        means.values().forEach(NDArray::close);
        variances.values().forEach(NDArray::close);
        means = m;
        variances = v;
        steps = s;
    }
}
