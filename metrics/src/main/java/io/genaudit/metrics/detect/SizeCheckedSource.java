package io.genaudit.metrics.detect;

import io.genaudit.engine.InputException;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.image.Images;

/** Passes a source through, failing with an InputException when an image is not the size a fixed detector was trained on. */
final class SizeCheckedSource {
    private SizeCheckedSource() {
    }

    static ImageSource of(ImageSource source, int height, int width) {
        return source.map(b -> {
            if (b.height() != height || b.width() != width) {
                throw new InputException(source.describe(), "images are " + b.height() + "x" + b.width()
                        + " (HxW) but the detector was trained on " + height + "x" + width + "; resize them first");
            }
            return b;
        }, source.describe());
    }
}
