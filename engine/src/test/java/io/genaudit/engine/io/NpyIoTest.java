package io.genaudit.engine.io;

import io.genaudit.engine.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Reads files numpy wrote (fixtures/reference/fidelity/make_npy_samples.py; values are index formulas) and
 * round-trips genaudit's own writer.
 */
class NpyIoTest {

    private static Path res(String name) throws URISyntaxException {
        return Path.of(NpyIoTest.class.getResource("npy/" + name).toURI());
    }

    private static void assertIndexMatrix(double[][] m) {
        assertEquals(6, m.length);
        for (int i = 0; i < 6; i++) {
            assertEquals(5, m[i].length);
            for (int j = 0; j < 5; j++) assertEquals((i * 5 + j) * 0.25 - 3, m[i][j], 0.0, "element " + i + "," + j);
        }
    }

    @Test
    void readsNumpyFloatMatricesInEveryLayout() throws Exception {
        for (String f : new String[]{"f64_6x5.npy", "f32_6x5.npy", "f32_6x5_bigendian.npy", "f64_6x5_fortran.npy"}) {
            NpyArray a = NpyReader.read(res(f));
            assertArrayEquals(new long[]{6, 5}, a.shape(), f);
            assertIndexMatrix(a.toMatrix());
        }
        assertEquals(NpyDtype.FLOAT32, NpyReader.read(res("f32_6x5.npy")).dtype());
    }

    @Test
    void readsUint8ImagesAndVectors() throws Exception {
        NpyArray u8 = NpyReader.read(res("u8_4x3x2x3.npy"));
        assertEquals(NpyDtype.UINT8, u8.dtype());
        assertArrayEquals(new long[]{4, 3, 2, 3}, u8.shape());
        double[] v = u8.toDoubleArray();
        for (int i = 0; i < v.length; i++) assertEquals(i % 251, v[i], 0.0);
        assertArrayEquals(new double[]{-3, -2.75, -2.5, -2.25, -2, -1.75, -1.5}, NpyReader.read(res("f64_vec7.npy")).toVector(), 0.0);
        assertArrayEquals(new double[]{-3, -2, -1, 0, 1, 2, 3}, NpyReader.read(res("i64_vec7.npy")).toVector(), 0.0);
    }

    @Test
    void readsPlainAndCompressedNpz() throws Exception {
        for (String f : new String[]{"stats_plain.npz", "stats_compressed.npz"}) {
            Map<String, NpyArray> m = NpzReader.read(res(f));
            assertEquals(java.util.Set.of("mu", "sigma"), m.keySet(), f);
            assertArrayEquals(new double[]{-3, -2.75, -2.5, -2.25, -2}, m.get("mu").toVector(), 0.0);
            double[][] s = m.get("sigma").toMatrix();
            assertEquals(5, s.length);
            assertEquals(1 * 0.25 - 3, s[0][1], 0.0);
            assertEquals((4 * 5 + 4) * 0.25 - 3, s[4][4], 0.0);
        }
        InputException e = assertThrows(InputException.class, () -> NpzReader.read(res("stats_plain.npz"), "nope"));
        assertTrue(e.getMessage().contains("stats_plain.npz") && e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void streamsRowRanges() throws Exception {
        try (NpyFile f = NpyFile.open(res("f32_6x5.npy"))) {
            assertEquals(6, f.rows());
            double[][] rows = f.readRows(2, 3).toMatrix();
            assertEquals(3, rows.length);
            assertEquals((2 * 5) * 0.25 - 3, rows[0][0], 0.0);
            assertEquals((4 * 5 + 4) * 0.25 - 3, rows[2][4], 0.0);
        }
        try (NpyFile f = NpyFile.open(res("f32_6x5_bigendian.npy"))) {
            assertEquals((5 * 5 + 1) * 0.25 - 3, f.readRows(5, 1).toMatrix()[0][1], 0.0);
        }
    }

    @Test
    void writerRoundTripsAndHeaderIsAligned(@TempDir Path dir) throws IOException {
        double[][] m = {{1.5, -2, Math.PI}, {1e-300, 7, Double.MAX_VALUE}};
        Path p = dir.resolve("m.npy");
        NpyWriter.write(p, NpyArray.matrix(m));
        byte[] bytes = Files.readAllBytes(p);
        assertEquals(0, (bytes.length - 6 * 8) % 64, "header padded to 64 bytes like numpy");
        assertArrayEquals(m, NpyReader.read(p).toMatrix());

        NpyArray f32 = NpyArray.ofFloat32(new long[]{3}, new float[]{1.25f, -0f, 3e38f});
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        NpyWriter.write(bo, f32);
        assertArrayEquals(new float[]{1.25f, -0f, 3e38f}, NpyReader.read(new ByteArrayInputStream(bo.toByteArray()), "mem").toFloatArray());

        NpyArray u8 = NpyArray.ofUint8(new long[]{1, 2, 2, 1}, new byte[]{0, (byte) 255, 17, (byte) 128});
        Path pu = dir.resolve("u.npy");
        NpyWriter.write(pu, u8);
        assertArrayEquals(new double[]{0, 255, 17, 128}, NpyReader.read(pu).toDoubleArray(), 0.0);

        Path z = dir.resolve("stats.npz");
        NpzWriter.writeStats(z, new double[]{1, 2}, new double[][]{{3, 4}, {5, 6}});
        Map<String, NpyArray> back = NpzReader.read(z);
        assertArrayEquals(new double[]{1, 2}, back.get("mu").toVector(), 0.0);
        assertArrayEquals(new double[][]{{3, 4}, {5, 6}}, back.get("sigma").toMatrix());
        Map<String, NpyArray> two = new LinkedHashMap<>();
        two.put("a", NpyArray.vector(new double[]{9}));
        NpzWriter.write(dir.resolve("a.npz"), two);
        assertEquals(9, NpzReader.read(dir.resolve("a.npz"), "a").toVector()[0]);
    }

    @Test
    void badInputNamesTheFile(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.npy");
        assertTrue(assertThrows(InputException.class, () -> NpyReader.read(missing)).getMessage().contains("missing.npy"));
        Path junk = dir.resolve("junk.npy");
        Files.writeString(junk, "hello, not numpy at all");
        assertTrue(assertThrows(InputException.class, () -> NpyReader.read(junk)).getMessage().contains("junk.npy"));
        Path trunc = dir.resolve("trunc.npy");
        NpyWriter.write(trunc, NpyArray.matrix(new double[][]{{1, 2}, {3, 4}}));
        byte[] b = Files.readAllBytes(trunc);
        Files.write(trunc, java.util.Arrays.copyOf(b, b.length - 5));
        InputException e = assertThrows(InputException.class, () -> NpyReader.read(trunc));
        assertTrue(e.getMessage().contains("trunc.npy") && e.getMessage().contains("truncated"), e.getMessage());
        Path notZip = dir.resolve("bad.npz");
        Files.writeString(notZip, "nope");
        assertTrue(assertThrows(InputException.class, () -> NpzReader.read(notZip)).getMessage().contains("bad.npz"));
        byte[] header = NpyHeader.format(NpyDtype.FLOAT64, new long[]{2});
        String h = new String(header, java.nio.charset.StandardCharsets.ISO_8859_1).replace("<f8", "<c8");
        Path cplx = dir.resolve("complex.npy");
        Files.write(cplx, h.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        e = assertThrows(InputException.class, () -> NpyReader.read(cplx));
        assertTrue(e.getMessage().contains("complex.npy") && e.getMessage().contains("<c8"), e.getMessage());
    }
}
