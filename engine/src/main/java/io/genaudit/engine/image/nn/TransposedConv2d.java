package io.genaudit.engine.image.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;

/**
 * A 2-D transposed convolution built from operations DJL's PyTorch engine supports (its native deconvolution is
 * not implemented): insert {@code stride-1} zeros after every input pixel, convolve with stride 1 and padding
 * {@code k-1-p}, and crop to the transposed convolution's size {@code (H-1)*s - 2p + k}. This is exactly a transposed
 * convolution whose kernel is stored flipped, which makes no difference for a learned kernel.
 */
public final class TransposedConv2d {
    private TransposedConv2d() {
    }

    public static Block of(int filters, int kernel, int stride, int padding, boolean bias) {
        if (padding > kernel - 1) throw new IllegalArgumentException("padding must be <= kernel - 1");
        SequentialBlock b = new SequentialBlock();
        b.add(list -> new NDList(zeroInsert(list.singletonOrThrow(), stride)), "zero-insert");
        b.add(Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters)
                .optPadding(new Shape(kernel - 1 - padding, kernel - 1 - padding)).optBias(bias).build());
        b.add(list -> {
            NDArray y = list.singletonOrThrow();
            long h = y.getShape().get(2) - (stride - 1), w = y.getShape().get(3) - (stride - 1);
            return new NDList(y.get(new NDIndex(":, :, 0:{}, 0:{}", h, w)));
        }, "crop");
        return b;
    }

    /** [B,C,H,W] to [B,C,sH,sW] with x at (s*i, s*j) and zeros elsewhere. */
    static NDArray zeroInsert(NDArray x, int s) {
        if (s == 1) return x;
        Shape sh = x.getShape();
        long bsz = sh.get(0), c = sh.get(1), h = sh.get(2), w = sh.get(3);
        NDArray rows = x.expandDims(3);
        NDList parts = new NDList(rows);
        for (int k = 1; k < s; k++) parts.add(rows.zerosLike());
        NDArray r = NDArrays.concat(parts, 3).reshape(bsz, c, h * s, w);
        NDArray cols = r.expandDims(4);
        NDList parts2 = new NDList(cols);
        for (int k = 1; k < s; k++) parts2.add(cols.zerosLike());
        return NDArrays.concat(parts2, 4).reshape(bsz, c, h * s, w * s);
    }
}
