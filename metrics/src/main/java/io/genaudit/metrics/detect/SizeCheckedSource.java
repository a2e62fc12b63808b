package io.genaudit.metrics.detect;

import io.genaudit.engine.InputException;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.image.Images;

import java.util.Iterator;

/** Passes a source through, failing with an InputException when an image is not the size a fixed detector was trained on. */
record SizeCheckedSource(ImageSource source, int height, int width) implements ImageSource {
    @Override
    public int size() {
        return source.size();
    }

    @Override
    public Iterator<Images> batches(int batchSize) {
        Iterator<Images> it = source.batches(batchSize);
        return new Iterator<>() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public Images next() {
                Images b = it.next();
                if (b.height() != height || b.width() != width) {
                    throw new InputException(source.describe(), "images are " + b.height() + "x" + b.width()
                            + " (HxW) but the detector was trained on " + height + "x" + width + "; resize them first");
                }
                return b;
            }
        };
    }

    @Override
    public String describe() {
        return source.describe();
    }
}
