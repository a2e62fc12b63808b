package io.genaudit.spark;

import java.io.Serializable;

/**
 * Consecutive feature rows of one input as they leave a partition: global row ids {@code firstRow ..
 * firstRow + rows.length - 1}, so metrics that keep rows can put shards back in one order.
 *
 * @param firstRow the row id of {@code rows[0]}
 * @param rows     feature rows [b, D]
 */
public record RowBlock(long firstRow, double[][] rows) implements Serializable {
}
