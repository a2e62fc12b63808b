package io.genaudit.metrics.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Iterator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Spectra against numpy/scipy (fixtures/reference/detect/make_spectra_reference.py). */
class SpectraReferenceTest {
    static double[][] image(int h, int w) {
        double[][] g = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                g[y][x] = 0.5 + 0.3 * Math.sin(0.7 * x + 0.2 * y) + 0.1 * Math.cos(1.9 * x * y / 7.0) + 0.05 * ((x * 7 + y * 13) % 5) / 4.0;
            }
        }
        return g;
    }

    static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).asDouble();
        return d;
    }

    @Test
    void azimuthalAndDctSpectraMatchNumpy() throws Exception {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("/detect/spectra_reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        Iterator<JsonNode> it = ref.elements();
        int n = 0;
        while (it.hasNext()) {
            JsonNode c = it.next();
            int h = c.get("height").asInt(), w = c.get("width").asInt();
            double[][] g = image(h, w);
            AzimuthalSpectrum az = new AzimuthalSpectrum(16, h, w);
            assertArrayEquals(doubles(c.get("ring_profile")), az.ringProfile(g), 1e-8, h + "x" + w + " ring profile");
            assertArrayEquals(doubles(c.get("radial16")), az.compute(g), 1e-8, h + "x" + w + " radial bins");
            assertArrayEquals(doubles(c.get("dct4")), new DctSpectrum(4, h, w).compute(g), 1e-8, h + "x" + w + " dct");
            n++;
        }
        assertEquals(3, n);
    }

    @Test
    void checkerboardPutsPowerAtTheCornerFrequency() {
        int s = 16;
        double[][] flat = new double[s][s], checker = new double[s][s];
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                flat[y][x] = 0.5;
                checker[y][x] = 0.5 + 0.1 * (((x + y) & 1) == 0 ? 1 : -1);
            }
        }
        AzimuthalSpectrum az = new AzimuthalSpectrum(8, s, s);
        double[] pf = az.ringProfile(flat), pc = az.ringProfile(checker);
        int last = pf.length - 1; // the corner (Nyquist, Nyquist) is the outermost ring
        assertEquals(Math.log(AzimuthalSpectrum.EPS), pf[last], 1e-6);
        // checker: |F| = 0.1*256 at (8,8); power/256 = 2.56; the corner ring holds that one point only
        assertEquals(Math.log(0.1 * 0.1 * 256 + AzimuthalSpectrum.EPS), pc[last], 1e-9);
        assertEquals(pf[0], pc[0], 1e-9); // same DC
    }
}
