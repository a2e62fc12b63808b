package io.genaudit.audits;

import io.genaudit.reports.Chart;
import io.genaudit.reports.Figure;

import java.util.List;
import java.util.Map;

/**
 * A model ready for audits, with what the report and provenance show about it: the handle
 * ({@link io.genaudit.engine.lm.LanguageModel}, {@link io.genaudit.engine.image.ImageGenerator} or
 * {@link io.genaudit.engine.image.ImageFeatureExtractor}), its SHA-256 (weights file or trained parameters),
 * hyper-parameters and training summary in {@code info}, and charts (loss curves) and figures (sample sheets).
 */
public record LoadedModel(String id, String type, AutoCloseable handle, String sha256, String description,
                          Map<String, Object> info, List<Chart> charts, List<Figure> figures) implements AutoCloseable {
    @Override
    public void close() throws Exception {
        handle.close();
    }
}
