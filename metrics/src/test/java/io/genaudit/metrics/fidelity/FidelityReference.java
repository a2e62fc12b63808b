package io.genaudit.metrics.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.io.NpyReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Test access to the reference numbers and inputs produced by fixtures/reference/fidelity/make_reference.py
 * (pytorch-fid, torch-fidelity and prdc formulas reproduced with numpy/scipy/sklearn), committed as test resources.
 */
final class FidelityReference {
    private static JsonNode json;

    private FidelityReference() {
    }

    static synchronized JsonNode json() {
        if (json == null) {
            try (InputStream in = FidelityReference.class.getResourceAsStream("reference.json")) {
                json = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json;
    }

    static Path path(String name) {
        try {
            return Path.of(FidelityReference.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A committed .npy input as float64 rows (float32 files widen exactly, as pytorch-fid's float64 buffer does). */
    static double[][] matrix(String name) {
        return NpyReader.read(path(name + ".npy")).toMatrix();
    }

    /** splitmix64-based uniform u[i] in [0,1), identical to make_reference.py's splitmix_uniform. */
    static double splitmixUniform(long seed, long i) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    /** The 2048-d real (which=1) or fake (which=2) features of make_reference.py's features_2048. */
    static double[][] features2048(int n, int which) {
        int d = 2048;
        double[][] u = new double[n][d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) u[i][j] = splitmixUniform(which, (long) i * d + j);
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = which == 1 ? u[i][j] + 0.3 * u[i][(7 * j + 3) % d]
                        : u[i][j] + 0.5 * u[i][(j + 1) % d] + 0.05 * j / d;
            }
        }
        return out;
    }
}
