package io.genaudit.metrics.diversity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SelfBleuTest {
    /** The O(1) top-two lookup must give the same clipped counts as scanning every other text (NLTK's loop). */
    @Test
    void topTwoCountsEqualBruteForceMaxOverOthers() {
        SplittableRandom r = new SplittableRandom(3);
        List<List<String>> texts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            List<String> t = new ArrayList<>();
            int len = r.nextInt(9);
            for (int k = 0; k < len; k++) t.add("w" + r.nextInt(4));
            texts.add(t);
        }
        NgramIndex idx = new NgramIndex(texts, 3);
        TopTwoCounts top = new TopTwoCounts(idx, java.util.stream.IntStream.range(0, texts.size()).toArray(), 3);
        for (int n = 1; n <= 3; n++) {
            for (int i = 0; i < texts.size(); i++) {
                int[] ids = idx.ids(n, i), cnt = idx.counts(n, i);
                for (int j = 0; j < ids.length; j++) {
                    int brute = 0;
                    for (int o = 0; o < texts.size(); o++) {
                        if (o == i) continue;
                        int[] oi = idx.ids(n, o);
                        int pos = java.util.Arrays.binarySearch(oi, ids[j]);
                        if (pos >= 0) brute = Math.max(brute, idx.counts(n, o)[pos]);
                    }
                    assertEquals(brute, top.maxInOthers(n, ids[j], cnt[j]));
                }
            }
        }
    }

    @Test
    void closestReferenceLengthExcludesTheHypothesisAndTiesToShorter() {
        SelfBleu.ReferenceLengths l = new SelfBleu.ReferenceLengths(new int[]{3, 5, 7, 7, 10});
        assertEquals(3, l.closestExcludingOne(5));   // 3 and 7 are both 2 away: shorter wins
        assertEquals(7, l.closestExcludingOne(7));   // another 7 remains
        assertEquals(7, l.closestExcludingOne(10));
        assertEquals(5, l.closestExcludingOne(3));
    }

    @Test
    void identicalTextsScoreOneAndResultIsDeterministic() {
        List<List<String>> same = List.of(List.of("a", "b", "c", "d"), List.of("a", "b", "c", "d"), List.of("a", "b", "c", "d"));
        assertEquals(1.0, new SelfBleu(new NgramIndex(same, 4)).mean(4), 1e-15);
        List<List<String>> t = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < 500; i++) {
            List<String> s = new ArrayList<>();
            for (int k = 0; k < 12; k++) s.add("w" + r.nextInt(30));
            t.add(s);
        }
        SelfBleu sb = new SelfBleu(new NgramIndex(t, 4));
        assertArrayEquals(sb.perText(3), sb.perText(3));
        assertEquals(sb.mean(3), new SelfBleu(new NgramIndex(t, 4)).mean(3));
    }

    @Test
    void distinctAndEntropyOnAHandCase() {
        List<List<String>> t = List.of(List.of("a", "b", "a"), List.of("a"));
        NgramIndex idx = new NgramIndex(t, 2);
        assertEquals(2.0 / 4, NgramStatistics.distinct(idx, 1), 1e-15);   // {a:3, b:1}
        assertEquals(2.0 / 2, NgramStatistics.distinct(idx, 2), 1e-15);   // {ab, ba}
        assertEquals(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)), NgramStatistics.entropyNats(idx, 1), 1e-15);
    }
}
