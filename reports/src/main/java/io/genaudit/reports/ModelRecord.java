package io.genaudit.reports;

import java.util.List;
import java.util.Map;

/** A model audited in the run: id, type, description, SHA-256, hyper-parameters and training summary, loss curves and sample sheets. */
public record ModelRecord(String id, String type, String description, String sha256, Map<String, Object> info,
                          List<Chart> charts, List<Figure> figures) {
}
