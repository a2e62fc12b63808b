package io.genaudit.metrics.bias;

import io.genaudit.engine.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 4180 CSV reader (quoted fields with commas, doubled quotes and newlines) returning rows keyed by the
 * header's column names. Enough for the CrowS-Pairs file and genaudit's own pair files; no dependency needed.
 */
public final class CsvTable {
    private CsvTable() {
    }

    public static List<Map<String, String>> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read CSV file: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public static List<Map<String, String>> parse(String text, String source) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<List<String>> records = records(text, source);
        if (records.isEmpty()) throw new InputException(source, "empty CSV file: a header row is expected");
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() == 1 && rec.get(0).isBlank()) continue;
            if (rec.size() != header.size()) {
                throw new InputException(source, "row " + (r + 1) + " has " + rec.size() + " fields, the header has " + header.size());
            }
            Map<String, String> m = new HashMap<>();
            for (int c = 0; c < header.size(); c++) m.put(header.get(c).trim(), rec.get(c));
            rows.add(m);
        }
        return rows;
    }

    private static List<List<String>> records(String s, String source) {
        List<List<String>> out = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false, any = false;
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() == 0) quoted = true;
                    else field.append(c); // a stray quote inside an unquoted field is kept literally
                    any = true;
                }
                case ',' -> {
                    rec.add(field.toString());
                    field.setLength(0);
                    any = true;
                }
                case '\r' -> { }
                case '\n' -> {
                    rec.add(field.toString());
                    field.setLength(0);
                    out.add(rec);
                    rec = new ArrayList<>();
                    any = false;
                }
                default -> {
                    field.append(c);
                    any = true;
                }
            }
            i++;
        }
        if (quoted) throw new InputException(source, "unterminated quoted field at end of file");
        if (any || field.length() > 0) {
            rec.add(field.toString());
            out.add(rec);
        }
        return out;
    }
}
