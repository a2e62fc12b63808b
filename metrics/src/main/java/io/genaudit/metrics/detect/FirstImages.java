package io.genaudit.metrics.detect;

import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.image.Images;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** The first {@code limit} images of a source (in its fixed order), so audits can cap how many real images they read. */
public record FirstImages(ImageSource source, int limit) implements ImageSource {
    public FirstImages {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }

    @Override
    public int size() {
        return Math.min(limit, source.size());
    }

    @Override
    public Iterator<Images> batches(int batchSize) {
        Iterator<Images> it = source.batches(batchSize);
        return new Iterator<>() {
            int done = 0;

            public boolean hasNext() {
                return done < size() && it.hasNext();
            }

            public Images next() {
                if (!hasNext()) throw new NoSuchElementException();
                Images b = it.next();
                int take = Math.min(b.n(), size() - done);
                done += take;
                return take == b.n() ? b : b.slice(0, take);
            }
        };
    }

    @Override
    public String describe() {
        return size() < source.size() ? "first " + size() + " of " + source.describe() : source.describe();
    }
}
