package io.genaudit.engine.image.vae;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import io.genaudit.engine.image.nn.TransposedConv2d;

/**
 * The VAE's encoder (4x4 stride-2 convolutions with ReLU to a linear layer giving the latent mean and log-variance,
 * concatenated as [B, 2z]) and its mirror image, the decoder (linear projection, 4x4 stride-2 transposed convolutions
 * with ReLU, output logits that a sigmoid maps to [0,1]). The transposed kernels are tied to 3x3 ones
 * ({@link TransposedConv2d#resizeConvolution}) as in the DCGAN generator: on the demo's 5-epoch budget free 4x4
 * kernels gave blurrier samples (demo FID 565 vs 431 on shapes-CNN features, same seed).
 */
public final class VaeNetworks {
    private VaeNetworks() {
    }

    public static Block encoder(VaeConfig c) {
        SequentialBlock e = new SequentialBlock();
        for (int l = 0; l < c.levels(); l++) {
            e.add(Conv2d.builder().setKernelShape(new Shape(4, 4)).setFilters(c.filters() << l).optStride(new Shape(2, 2))
                    .optPadding(new Shape(1, 1)).build());
            e.add(Activation.reluBlock());
        }
        e.add(Blocks.batchFlattenBlock());
        e.add(Linear.builder().setUnits(2L * c.latentDim()).build());
        return e;
    }

    public static Block decoder(VaeConfig c) {
        int base = c.baseSize(), levels = c.levels();
        int ch0 = c.filters() << (levels - 1);
        SequentialBlock d = new SequentialBlock();
        d.add(Linear.builder().setUnits((long) ch0 * base * base).build());
        d.add(Activation.reluBlock());
        d.addSingleton(x -> x.reshape(new Shape(-1, ch0, base, base)), "reshape");
        int ch = ch0;
        for (int l = 0; l < levels - 1; l++) {
            ch /= 2;
            d.add(TransposedConv2d.resizeConvolution(ch, true));
            d.add(Activation.reluBlock());
        }
        d.add(TransposedConv2d.resizeConvolution(c.channels(), true));
        return d;
    }
}
