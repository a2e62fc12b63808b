package io.genaudit.engine.image;

import io.genaudit.engine.InputException;
import io.genaudit.engine.io.NpyArray;
import io.genaudit.engine.io.NpyWriter;
import io.genaudit.engine.io.NpzWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ArrayImageSourceTest {
    @Test
    void readsUint8NhwcAsNchwInBatches(@TempDir Path tmp) throws Exception {
        // 3 images 2x2 RGB; pixel (i, y, x, c) = i*100 + y*20 + x*10 + c
        byte[] v = new byte[3 * 2 * 2 * 3];
        for (int i = 0; i < 3; i++) for (int y = 0; y < 2; y++) for (int x = 0; x < 2; x++) for (int c = 0; c < 3; c++)
            v[((i * 2 + y) * 2 + x) * 3 + c] = (byte) (i * 100 + y * 20 + x * 10 + c);
        NpyArray a = NpyArray.ofUint8(new long[]{3, 2, 2, 3}, v);
        Path npy = tmp.resolve("x.npy");
        NpyWriter.write(npy, a);
        Path npz = tmp.resolve("x.npz");
        NpzWriter.write(npz, Map.of("images", a));
        for (Path f : new Path[]{npy, npz}) {
            ArrayImageSource s = ArrayImageSource.open(f);
            assertEquals(3, s.size());
            Iterator<Images> it = s.batches(2);
            Images b0 = it.next(), b1 = it.next();
            assertFalse(it.hasNext());
            assertEquals(2, b0.n());
            assertEquals((1 * 20 + 1 * 10 + 2) / 255f, b0.get(0, 2, 1, 1), 1e-7f);
            assertEquals((200 + 20 + 0 + 1) / 255f, b1.get(0, 1, 1, 0), 1e-7f);
        }
    }

    @Test
    void rejectsChannelsFirstAndOutOfRangeFloats(@TempDir Path tmp) throws Exception {
        Path cf = tmp.resolve("cf.npy");
        NpyWriter.write(cf, NpyArray.ofUint8(new long[]{2, 3, 4, 4}, new byte[96]));
        InputException e = assertThrows(InputException.class, () -> ArrayImageSource.open(cf));
        assertTrue(e.getMessage().contains("channels-first") && e.getMessage().contains("cf.npy"), e.getMessage());
        Path f = tmp.resolve("f.npy");
        float[] vals = new float[2 * 2 * 2];
        vals[3] = 2.5f;
        NpyWriter.write(f, NpyArray.ofFloat32(new long[]{2, 2, 2}, vals));
        ArrayImageSource s = ArrayImageSource.open(f);
        assertEquals(1, s.channels());
        InputException r = assertThrows(InputException.class, () -> s.batches(2).next());
        assertTrue(r.getMessage().contains("[0,1]"), r.getMessage());
    }
}
