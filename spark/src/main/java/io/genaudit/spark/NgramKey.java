package io.genaudit.spark;

import java.io.Serializable;
import java.util.List;

/**
 * An n-gram as a shuffle key: its order and its tokens (n-grams never cross texts).
 *
 * @param n      the order, 1..4
 * @param tokens the n tokens
 */
public record NgramKey(int n, List<String> tokens) implements Serializable {
}
