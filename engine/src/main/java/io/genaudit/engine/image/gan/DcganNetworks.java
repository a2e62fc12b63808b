package io.genaudit.engine.image.gan;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import io.genaudit.engine.image.nn.TransposedConv2d;

/**
 * DCGAN's two networks (Radford et al. 2016): a generator of a linear projection to a 4x4 (or 7x7) map followed by
 * 4x4 stride-2 transposed convolutions (padding 1: each doubles the size) with batch norm and ReLU, tanh output; a
 * discriminator of 4x4 stride-2 convolutions with batch norm and leaky ReLU ending in one logit. The generator's
 * transposed-convolution kernels are tied to 3x3 kernels ({@link TransposedConv2d#resizeConvolution}, the same
 * function as nearest upsampling + 3x3 convolution): with free 4x4 kernels these small generators (ngf 8-16) lose to
 * the discriminator within the demo's budget (checkerboard samples, also in PyTorch with the same recipe), while the
 * tied ones learn recognisable shapes. A conditional model feeds the class one-hot to the generator with the latent and to the discriminator as
 * extra constant input channels.
 */
public final class DcganNetworks {
    private DcganNetworks() {
    }

    /** Input [B, latentDim + numClasses] to output [B, C, H, W] in [-1, 1]. */
    public static Block generator(DcganConfig c) {
        int base = c.baseSize(), levels = c.levels();
        int ch0 = c.ngf() << (levels - 1);
        SequentialBlock g = new SequentialBlock();
        g.add(Linear.builder().setUnits((long) ch0 * base * base).build());
        g.addSingleton(x -> x.reshape(new Shape(-1, ch0, base, base)), "reshape");
        g.add(BatchNorm.builder().build());
        g.add(Activation.reluBlock());
        int ch = ch0;
        for (int l = 0; l < levels - 1; l++) {
            ch /= 2;
            g.add(TransposedConv2d.resizeConvolution(ch, false)); // no bias: batch norm follows
            g.add(BatchNorm.builder().build());
            g.add(Activation.reluBlock());
        }
        g.add(TransposedConv2d.resizeConvolution(c.channels(), true));
        g.add(Activation.tanhBlock());
        return g;
    }

    /** Input [B, C + numClasses, H, W] to one logit per image [B, 1]. */
    public static Block discriminator(DcganConfig c) {
        SequentialBlock d = new SequentialBlock();
        d.add(Conv2d.builder().setKernelShape(new Shape(4, 4)).setFilters(c.ndf()).optStride(new Shape(2, 2))
                .optPadding(new Shape(1, 1)).build());
        d.add(Activation.leakyReluBlock(0.2f));
        for (int l = 1; l < c.levels(); l++) {
            d.add(Conv2d.builder().setKernelShape(new Shape(4, 4)).setFilters(c.ndf() << l).optStride(new Shape(2, 2))
                    .optPadding(new Shape(1, 1)).build());
            d.add(BatchNorm.builder().build());
            d.add(Activation.leakyReluBlock(0.2f));
        }
        d.add(Blocks.batchFlattenBlock());
        d.add(Linear.builder().setUnits(1).build());
        return d;
    }
}
