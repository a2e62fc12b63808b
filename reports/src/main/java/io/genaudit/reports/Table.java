package io.genaudit.reports;

import java.util.List;

/** A small table in a report section (per-group results, corrected tests). Cells are plain strings and are escaped. */
public record Table(String title, List<String> columns, List<List<String>> rows) {
}
