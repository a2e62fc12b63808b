package io.genaudit.metrics.stats;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.genaudit.metrics.stats.RocReference.doubles;
import static io.genaudit.metrics.stats.RocReference.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AveragePrecisionTest {
    @Test
    void matchesScikitLearnAveragePrecisionScore() {
        var it = RocReference.load().get("cases").fields();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode c = e.getValue();
            assertEquals(c.get("ap").asDouble(), AveragePrecision.of(doubles(c.get("scores")), ints(c.get("labels"))), 1e-12, e.getKey());
        }
    }

    @Test
    void handWorkedExample() {
        // ranks: 0.9(+) 0.8(-) 0.7(+) 0.1(-): AP = 0.5*1 + 0.5*(2/3)
        assertEquals(0.5 + 1.0 / 3, AveragePrecision.of(new double[]{0.9, 0.8, 0.7, 0.1}, new int[]{1, 0, 1, 0}), 1e-15);
    }
}
