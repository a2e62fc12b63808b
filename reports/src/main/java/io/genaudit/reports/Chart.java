package io.genaudit.reports;

import java.util.List;

/**
 * Data for a chart, rendered to inline SVG by the report. Kept as data in the run record so a chart can be redrawn
 * from {@code run.json} alone.
 *
 * @param type   LINE, BAR (categories on x), HISTOGRAM (values in series[0].y, binned by the renderer), SCATTER
 * @param series one or more named series; for BAR, {@code x} is ignored and {@code categories} label the bars
 */
public record Chart(Type type, String title, String xLabel, String yLabel, List<String> categories, List<Series> series) {
    public enum Type { LINE, BAR, HISTOGRAM, SCATTER }

    /** A named series; {@code low}/{@code high} are optional error bars (same length as y) or null. */
    public record Series(String name, double[] x, double[] y, double[] low, double[] high) {
        public static Series of(String name, double[] x, double[] y) {
            return new Series(name, x, y, null, null);
        }
    }
}
