package io.genaudit.reports.chart;

import java.awt.Color;

/** The report's colours, shared by the SVG charts so they match the HTML stylesheet (report.css uses the same values). */
public final class Palette {
    /** Series colours, in order: indigo, teal, amber, rose, sky, violet, lime, slate. */
    static final Color[] SERIES = {
            new Color(0x4f46e5), new Color(0x0d9488), new Color(0xd97706), new Color(0xe11d48),
            new Color(0x0284c7), new Color(0x7c3aed), new Color(0x65a30d), new Color(0x475569)};
    static final Color TEXT = new Color(0x1e293b);
    static final Color MUTED = new Color(0x64748b);
    static final Color GRID = new Color(0xe2e8f0);
    static final Color AXIS = new Color(0xcbd5e1);
    static final Color ERROR_BAR = new Color(0x0f172a);

    private Palette() {
    }

    /** The colour of the {@code i}-th series (cycling). */
    public static Color series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    /** The same colour with the given alpha (0..255). */
    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
