package io.genaudit.reports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.values.DocumentScore;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-document language-model scores a result carries (the perplexity metric's {@code per_document} detail), as
 * typed {@link DocumentScore}s whether the result was just computed (records) or read back from a run.json (JSON
 * objects with the record's fields). Model comparisons pair two results on these.
 */
public final class PerDocumentScores {
    /** The detail key: the perplexity result's {@code perDocument} component in snake case. */
    public static final String KEY = "per_document";

    private static final ObjectMapper STRICT = RunRecordJson.mapper()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private PerDocumentScores() {
    }

    /**
     * The scores of {@code r}, in corpus order, or null when it carries none or they are not readable as document
     * scores (run records older than the typed record wrote other fields).
     */
    public static List<DocumentScore> of(AuditResult r) {
        if (!(r.details().get(KEY) instanceof List<?> docs) || docs.isEmpty()) return null;
        List<DocumentScore> out = new ArrayList<>(docs.size());
        for (Object o : docs) {
            try {
                out.add(o instanceof DocumentScore d ? d : STRICT.convertValue(o, DocumentScore.class));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return out;
    }
}
