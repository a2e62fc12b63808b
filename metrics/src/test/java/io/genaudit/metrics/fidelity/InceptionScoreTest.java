package io.genaudit.metrics.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Inception Score against torch-fidelity's formula (make_reference.py) and analytic extremes. */
class InceptionScoreTest {

    @Test
    void matchesTorchFidelity() {
        double[][] logits = FidelityReference.matrix("logits_250x10");
        JsonNode ref = FidelityReference.json().get("inception_score");
        for (String name : new String[]{"splits10_shuffled", "splits3_unshuffled", "splits1_unshuffled"}) {
            JsonNode c = ref.get(name);
            InceptionScore.Result r = new InceptionScore(c.get("splits").asInt(), c.get("shuffle").asBoolean(), c.get("seed").asLong()).compute(logits);
            assertEquals(c.get("mean").asDouble(), r.mean(), 1e-12, name);
            assertEquals(c.get("std").asDouble(), r.std(), 1e-12, name);
            for (int s = 0; s < r.splits(); s++) assertEquals(c.get("scores").get(s).asDouble(), r.perSplit()[s], 1e-12, name + " split " + s);
        }
    }

    @Test
    void analyticExtremes() {
        // identical predictions: KL = 0, IS = 1; confident, evenly spread over C classes: IS -> C
        double[][] same = new double[40][4];
        for (double[] row : same) row[2] = 3;
        assertEquals(1.0, new InceptionScore(4, false, 0).compute(same).mean(), 1e-12);
        double[][] sharp = new double[40][4];
        for (int i = 0; i < 40; i++) sharp[i][i % 4] = 200;
        InceptionScore.Result r = new InceptionScore(2, false, 0).compute(sharp);
        assertEquals(4.0, r.mean(), 1e-9);
        assertEquals(0.0, r.std(), 1e-9);
    }
}
