package io.genaudit.reports.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bin counts against numpy's histogram_bin_edges ('fd' and 'sturges'); reference from fixtures/reference/histogram_bins.py. */
class HistogramBinsTest {
    @Test
    void matchesNumpyFreedmanDiaconisAndSturges() throws Exception {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("histogram_bins.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        assertEquals(5, ref.get("samples").size());
        for (JsonNode s : ref.get("samples")) {
            double[] v = new double[s.get("values").size()];
            for (int i = 0; i < v.length; i++) v[i] = s.get("values").get(i).asDouble();
            assertEquals(s.get("fd").asInt(), HistogramBins.count(v), s.get("name").asText() + " (fd)");
            assertEquals(s.get("sturges").asInt(), HistogramBins.sturges(v.length), s.get("name").asText() + " (sturges)");
        }
    }

    @Test
    void zeroIqrFallsBackToSturgesAndDegenerateInputsGiveOneBin() {
        double[] spiky = new double[100];
        spiky[99] = 10; // IQR 0, range 10
        assertEquals(8, HistogramBins.count(spiky)); // ceil(log2 100) + 1
        assertEquals(1, HistogramBins.count(new double[]{3, 3, 3}));
        assertEquals(1, HistogramBins.count(new double[]{1}));
        assertEquals(1, HistogramBins.count(new double[]{Double.NaN, 2}));
    }

    @Test
    void longTailsAreCappedAtMaxBins() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) v[i] = i / 1000.0;
        v[999] = 1e9;
        assertEquals(HistogramBins.MAX_BINS, HistogramBins.count(v));
    }
}
