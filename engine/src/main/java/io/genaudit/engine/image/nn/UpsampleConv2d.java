package io.genaudit.engine.image.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;

/**
 * Learned 2x (or sx) upsampling as nearest-neighbour repetition followed by a 3x3 convolution ("resize-convolution",
 * Odena et al. 2016), the usual replacement for a stride-s transposed convolution: same output size, no checkerboard
 * artefacts, and built only from operations DJL's PyTorch engine supports (it has no native deconvolution).
 */
public final class UpsampleConv2d {
    private UpsampleConv2d() {
    }

    public static Block of(int filters, int scale, boolean bias) {
        SequentialBlock b = new SequentialBlock();
        b.addSingleton(x -> x.repeat(2, scale).repeat(3, scale), "upsample-nearest");
        b.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters).optPadding(new Shape(1, 1)).optBias(bias).build());
        return b;
    }
}
