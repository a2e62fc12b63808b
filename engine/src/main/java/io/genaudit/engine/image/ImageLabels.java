package io.genaudit.engine.image;

import io.genaudit.engine.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-image attribute labels from a {@code labels.csv} beside the images ({@code file,attr1,attr2,...}, as the shapes
 * fixture writes), aligned with an {@link ImageFolderSource}'s file order. Categorical attributes get class indices;
 * class names are sorted unless a fixed vocabulary containing every value is given.
 *
 * @param attributes attribute name to its class names (index = class id)
 * @param labels     attribute name to one class id per image, in the source's file order
 */
public record ImageLabels(Map<String, List<String>> attributes, Map<String, int[]> labels) {

    /** Reads {@code folder/labels.csv} for the images of {@code source}; every image must have exactly one row. */
    public static ImageLabels read(Path csv, ImageFolderSource source, Map<String, List<String>> fixedOrder) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(String.valueOf(csv), "cannot read labels: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) throw new InputException(csv, "empty labels file; header file,attribute,... expected");
        String[] header = lines.get(0).trim().split(",");
        if (!header[0].equals("file")) throw new InputException(csv, "first column must be 'file', found '" + header[0] + "'");
        Map<String, String[]> rows = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty()) continue;
            String[] cells = l.split(",", -1);
            if (cells.length != header.length) {
                throw new InputException(csv, "line " + (i + 1) + " has " + cells.length + " cells, header has " + header.length);
            }
            rows.put(cells[0], cells);
        }
        Map<String, List<String>> attrs = new LinkedHashMap<>();
        Map<String, int[]> labels = new LinkedHashMap<>();
        List<Path> files = source.files();
        for (int a = 1; a < header.length; a++) {
            String name = header[a];
            List<String> classes;
            TreeMap<String, Boolean> seen = new TreeMap<>();
            for (String[] r : rows.values()) seen.put(r[a], true);
            if (fixedOrder != null && fixedOrder.containsKey(name) && fixedOrder.get(name).containsAll(seen.keySet())) {
                classes = fixedOrder.get(name); // a known vocabulary (e.g. the shapes fixture's), even if a class is absent
            } else {
                classes = new ArrayList<>(seen.keySet());
            }
            int[] ids = new int[files.size()];
            for (int i = 0; i < files.size(); i++) {
                String fn = files.get(i).getFileName().toString();
                String[] r = rows.get(fn);
                if (r == null) throw new InputException(csv, "no row for image " + fn);
                int id = classes.indexOf(r[a]);
                if (id < 0) throw new InputException(csv, "image " + fn + ": " + name + " '" + r[a] + "' not one of " + classes);
                ids[i] = id;
            }
            attrs.put(name, List.copyOf(classes));
            labels.put(name, ids);
        }
        return new ImageLabels(attrs, labels);
    }

    /** Reads {@code labels.csv} in the source's folder. */
    public static ImageLabels read(Path folder, ImageFolderSource source) {
        return read(folder.resolve("labels.csv"), source, null);
    }

    /** Class ids of {@code attribute} per image. */
    public int[] of(String attribute) {
        int[] v = labels.get(attribute);
        if (v == null) throw new IllegalArgumentException("no attribute " + attribute + "; have " + labels.keySet());
        return v;
    }

    /** Share of each class of {@code attribute}. */
    public double[] proportions(String attribute) {
        int[] v = of(attribute);
        double[] p = new double[attributes.get(attribute).size()];
        for (int x : v) p[x] += 1.0 / v.length;
        return p;
    }

    @Override
    public String toString() {
        return "ImageLabels" + attributes + " n=" + (labels.isEmpty() ? 0 : labels.values().iterator().next().length);
    }
}
