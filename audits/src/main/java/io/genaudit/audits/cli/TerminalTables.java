package io.genaudit.audits.cli;

import io.genaudit.reports.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * A report {@link Table} as aligned plain text for the terminal: the title, a header row, a rule and the rows, columns
 * padded to their widest cell. Cells longer than {@link #MAX_CELL} characters are cut with an ellipsis (the report and
 * {@code --json} keep the whole text), line breaks become spaces.
 */
final class TerminalTables {
    /** The widest cell printed, in characters. */
    static final int MAX_CELL = 60;

    private TerminalTables() {
    }

    /** The lines of {@code t}, each indented by {@code indent}. */
    static List<String> lines(Table t, String indent) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(t.columns().stream().map(TerminalTables::cell).toList());
        for (List<String> row : t.rows()) cells.add(row.stream().map(TerminalTables::cell).toList());
        int cols = cells.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[cols];
        for (List<String> row : cells) for (int c = 0; c < row.size(); c++) width[c] = Math.max(width[c], row.get(c).length());
        List<String> out = new ArrayList<>();
        out.add(indent + t.title());
        for (int r = 0; r < cells.size(); r++) {
            out.add(indent + "  " + row(cells.get(r), width));
            if (r == 0) out.add(indent + "  " + rule(width));
        }
        return out;
    }

    private static String row(List<String> row, int[] width) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < row.size(); c++) {
            if (c > 0) s.append("  ");
            s.append(row.get(c)).append(" ".repeat(c == row.size() - 1 ? 0 : width[c] - row.get(c).length()));
        }
        return s.toString();
    }

    private static String rule(int[] width) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < width.length; c++) s.append(c > 0 ? "  " : "").append("-".repeat(width[c]));
        return s.toString();
    }

    private static String cell(String text) {
        String s = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return s.length() <= MAX_CELL ? s : s.substring(0, MAX_CELL - 1) + "…";
    }
}
