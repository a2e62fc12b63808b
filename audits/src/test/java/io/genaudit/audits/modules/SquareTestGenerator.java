package io.genaudit.audits.modules;

import io.genaudit.engine.image.ImageGenerator;

/**
 * What the modules' test generators share: RGB images of one square size from a one-number latent, a description,
 * nothing to close. Subclasses say only how the images look ({@link #generate}).
 */
abstract class SquareTestGenerator implements ImageGenerator {
    private final int size;
    private final String description;

    SquareTestGenerator(int size, String description) {
        this.size = size;
        this.description = description;
    }

    @Override
    public int latentDim() {
        return 1;
    }

    @Override
    public int channels() {
        return 3;
    }

    @Override
    public int height() {
        return size;
    }

    @Override
    public int width() {
        return size;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
    }
}
