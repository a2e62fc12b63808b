package io.genaudit.engine.image;

import java.util.Iterator;
import java.util.function.UnaryOperator;

/**
 * A source whose every batch passes through {@code map} (a resize, a check), still one batch at a time; see
 * {@link ImageSource#map}.
 */
record MappedImageSource(ImageSource source, UnaryOperator<Images> map, String description) implements ImageSource {
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
                return map.apply(it.next());
            }
        };
    }

    @Override
    public String describe() {
        return description;
    }
}
