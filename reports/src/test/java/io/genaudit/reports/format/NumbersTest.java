package io.genaudit.reports.format;

import io.genaudit.values.Interval;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumbersTest {
    @Test
    void formatsToFourSignificantDigits() {
        assertEquals("3.412", Numbers.format(3.41249));
        assertEquals("48.71", Numbers.format(48.7088));
        assertEquals("0.0003", Numbers.format(3e-4));
        assertEquals("1.235e-5", Numbers.format(1.2345e-5));
        assertEquals("1.235e+7", Numbers.format(12_345_678.9));
        assertEquals("12,800", Numbers.format(12_800.0));
        assertEquals("7253", Numbers.format(7253.0));
        assertEquals("-2.5", Numbers.format(-2.5));
        assertEquals("0", Numbers.format(0.0));
        assertEquals("NaN", Numbers.format(Double.NaN));
        assertEquals("∞", Numbers.format(Double.POSITIVE_INFINITY));
        assertEquals(Numbers.MISSING, Numbers.format((Double) null));
    }

    @Test
    void formatsIntervalsUnitsGatesAndDurations() {
        Interval ci = new Interval(0.95, 3.351, 3.478, "bootstrap");
        assertEquals("95% CI [3.351, 3.478]", Numbers.interval(ci));
        assertEquals("90%", Numbers.level(new Interval(0.9, 0, 1, null)));
        assertEquals("3.412 nats", Numbers.withUnit(3.412, "nats"));
        assertEquals("5%", Numbers.withUnit(5.0, "%"));
        assertEquals("≤ 40", Numbers.gateCondition("max", 40));
        assertEquals("≥ 0.8", Numbers.gateCondition("min", 0.8));
        assertEquals("non-inferior 0.1", Numbers.gateCondition("non-inferior", 0.1));
        assertEquals("8.2 s", Numbers.seconds(8.2));
        assertEquals("3 min 05 s", Numbers.seconds(184.6));
        assertEquals("1 h 02 min", Numbers.seconds(3725));
        assertEquals("12,800", Numbers.count(12_800L));
    }

    @Test
    void estimandSentenceNamesWhatTheIntervalCovers() {
        assertEquals("The interval covers the expected FID at 300 real and 300 generated samples.",
                Numbers.estimandSentence(new Interval(0.95, 1, 2, "bootstrap", "expected FID at 300 real and 300 generated samples")));
        assertEquals(null, Numbers.estimandSentence(new Interval(0.95, 1, 2, "bootstrap")));
        assertEquals(null, Numbers.estimandSentence(null));
    }
}
