package io.genaudit.engine.image;

import java.util.Iterator;

/**
 * Any {@link ImageSource} resized batch by batch with {@link Resize} (Pillow-exact), so a generator's samples or a
 * capped folder can be brought to another set's size without holding more than one batch.
 */
public record ResizedImageSource(ImageSource source, int height, int width, Resize.Filter filter, Resize.Precision precision)
        implements ImageSource {
    public ResizedImageSource {
        if (height < 1 || width < 1) throw new IllegalArgumentException("target size must be positive, got " + width + "x" + height);
    }

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
                return b.height() == height && b.width() == width ? b : Resize.resize(b, height, width, filter, precision);
            }
        };
    }

    @Override
    public String describe() {
        return source.describe() + ", resized to " + width + "x" + height + " (" + filter + ", " + precision + ")";
    }
}
