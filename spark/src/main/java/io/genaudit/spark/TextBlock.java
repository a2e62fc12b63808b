package io.genaudit.spark;

import java.io.Serializable;
import java.util.List;

/**
 * Documents of one text table as they leave a partition, in {@code doc_id} order: the input of text metrics
 * (perplexity scoring, distinct-n, self-BLEU) once they run on Spark.
 *
 * @param docIds the documents' ids
 * @param texts  the documents' texts, parallel to {@code docIds}
 */
public record TextBlock(List<String> docIds, List<String> texts) implements Serializable {
    public TextBlock {
        if (docIds.size() != texts.size()) throw new IllegalArgumentException(docIds.size() + " ids for " + texts.size() + " texts");
    }
}
