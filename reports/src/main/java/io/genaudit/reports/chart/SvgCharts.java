package io.genaudit.reports.chart;

import io.genaudit.reports.Chart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;
import org.jfree.svg.ViewBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a {@link Chart} from the run record to an SVG element with JFreeChart and JFreeSVG, in the report's palette.
 * The output is deterministic (ids derive from a caller-given prefix or the chart's content, never from the clock),
 * compact (two decimals of geometry) and scalable (a viewBox, no fixed size), so it can be inlined into HTML. Text from
 * the chart (titles, labels, series names, categories) is XML-escaped by JFreeSVG.
 */
public final class SvgCharts {
    /** Text in the SVG uses the same system font stack as the report. */
    static final String FONT_STACK = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif";

    /** Size and options of one rendering. */
    public record Options(int width, int height, boolean includeTitle, String idPrefix) {
        public static final Options DEFAULT = new Options(560, 320, true, null);

        public Options withoutTitle() {
            return new Options(width, height, false, idPrefix);
        }

        public Options withIdPrefix(String prefix) {
            return new Options(width, height, includeTitle, prefix);
        }
    }

    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private SvgCharts() {
    }

    /** The chart as an SVG element with default size, its title drawn, ids prefixed by a hash of its content. */
    public static String render(Chart chart) {
        return render(chart, Options.DEFAULT);
    }

    /** The chart as an {@code <svg>} element (no XML declaration), ready to inline into HTML. */
    public static String render(Chart chart, Options options) {
        if (chart == null || chart.type() == null) throw new IllegalArgumentException("chart and chart.type are required");
        String prefix = options.idPrefix() != null ? sanitizeId(options.idPrefix()) : "c" + contentHash(chart);
        JFreeChart jf = build(chart);
        jf.setID(prefix);
        if (!options.includeTitle() || blank(chart.title())) {
            jf.setTitle((TextTitle) null);
        } else {
            jf.setTitle(new TextTitle(chart.title(), new Font("SansSerif", Font.BOLD, 14)));
            jf.getTitle().setPaint(Palette.TEXT);
            jf.getTitle().setMargin(new RectangleInsets(4, 0, 6, 0));
        }
        style(jf);
        SVGGraphics2D g2 = new SVGGraphics2D(options.width(), options.height());
        g2.setDefsKeyPrefix(prefix + "-");
        g2.setGeomDoubleConverter(SVGUtils.createDoubleConverter(2));
        g2.setTransformDoubleConverter(SVGUtils.createDoubleConverter(4));
        g2.setFontFunction(family -> FONT_STACK);
        jf.draw(g2, new Rectangle2D.Double(0, 0, options.width(), options.height()));
        return g2.getSVGElement(prefix, false, new ViewBox(0, 0, options.width(), options.height()), null, null);
    }

    static JFreeChart build(Chart chart) {
        List<Chart.Series> series = chart.series() == null ? List.of() : chart.series();
        Plot plot = switch (chart.type()) {
            case LINE -> xyPlot(chart, series, false);
            case SCATTER -> xyPlot(chart, series, true);
            case BAR -> barPlot(chart, series);
            case HISTOGRAM -> histogramPlot(chart, series);
        };
        boolean legend = series.size() > 1;
        return new JFreeChart(null, new Font("SansSerif", Font.PLAIN, 12), plot, legend);
    }

    private static XYPlot xyPlot(Chart chart, List<Chart.Series> series, boolean scatter) {
        boolean intervals = series.stream().anyMatch(s -> s.low() != null && s.high() != null);
        NumberAxis x = new NumberAxis(chart.xLabel());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(chart.yLabel());
        y.setAutoRangeIncludesZero(false);
        XYItemRenderer renderer;
        XYPlot plot;
        if (intervals) {
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            for (Chart.Series s : series) {
                YIntervalSeries ys = new YIntervalSeries(uniqueKey(data.getSeriesCount(), s.name(), keysOf(data)), false, true);
                double[] yv = orEmpty(s.y());
                for (int i = 0; i < yv.length; i++) {
                    double xv = xAt(s, i);
                    double lo = at(s.low(), i, yv[i]);
                    double hi = at(s.high(), i, yv[i]);
                    if (Double.isFinite(xv) && Double.isFinite(yv[i])) {
                        ys.add(xv, yv[i], Double.isFinite(lo) ? lo : yv[i], Double.isFinite(hi) ? hi : yv[i]);
                    }
                }
                data.addSeries(ys);
            }
            if (scatter) {
                XYErrorRenderer r = new XYErrorRenderer();
                r.setDrawXError(false);
                r.setErrorPaint(Palette.ERROR_BAR);
                r.setCapLength(5);
                renderer = r;
            } else {
                DeviationRenderer r = new DeviationRenderer(true, false);
                r.setAlpha(0.18f);
                renderer = r;
            }
            plot = new XYPlot(data, x, y, renderer);
        } else {
            XYSeriesCollection data = new XYSeriesCollection();
            for (Chart.Series s : series) {
                XYSeries xs = new XYSeries(uniqueKey(data.getSeriesCount(), s.name(), xyKeys(data)), false, true);
                double[] yv = orEmpty(s.y());
                for (int i = 0; i < yv.length; i++) {
                    double xv = xAt(s, i);
                    if (Double.isFinite(xv) && Double.isFinite(yv[i])) xs.add(xv, yv[i]);
                }
                data.addSeries(xs);
            }
            renderer = new XYLineAndShapeRenderer(!scatter, scatter);
            plot = new XYPlot(data, x, y, renderer);
        }
        for (int i = 0; i < series.size(); i++) {
            Color c = Palette.series(i);
            renderer.setSeriesPaint(i, scatter ? Palette.withAlpha(c, 200) : c);
            renderer.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
            if (renderer instanceof DeviationRenderer d) d.setSeriesFillPaint(i, c);
        }
        if (renderer instanceof XYLineAndShapeRenderer r) {
            r.setDrawSeriesLineAsPath(true);
            r.setDrawOutlines(false); // filled markers only: half the SVG size for scatter plots
        }
        if (renderer instanceof XYErrorRenderer r) {
            r.setDefaultLinesVisible(false);
            r.setDefaultShapesVisible(true);
        }
        styleXy(plot);
        return plot;
    }

    private static CategoryPlot barPlot(Chart chart, List<Chart.Series> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> categories = uniqueCategories(chart.categories(), series);
        double[][] low = new double[series.size()][];
        double[][] high = new double[series.size()][];
        Set<String> keys = new HashSet<>();
        for (int si = 0; si < series.size(); si++) {
            Chart.Series s = series.get(si);
            String key = uniqueKey(si, s.name(), keys);
            keys.add(key);
            double[] yv = orEmpty(s.y());
            for (int c = 0; c < categories.size(); c++) {
                double v = c < yv.length ? yv[c] : Double.NaN;
                data.addValue(Double.isFinite(v) ? v : null, key, categories.get(c));
            }
            if (s.low() != null && s.high() != null) {
                low[si] = pad(s.low(), categories.size());
                high[si] = pad(s.high(), categories.size());
            }
        }
        ErrorBarRenderer renderer = new ErrorBarRenderer(low, high);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.06);
        renderer.setMaximumBarWidth(0.12);
        for (int i = 0; i < series.size(); i++) renderer.setSeriesPaint(i, Palette.series(i));
        CategoryAxis x = new CategoryAxis(chart.xLabel());
        x.setMaximumCategoryLabelLines(2);
        x.setCategoryMargin(0.25);
        int longest = categories.stream().mapToInt(String::length).max().orElse(0);
        if (categories.size() > 8 || categories.size() * longest > 90) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis y = new NumberAxis(chart.yLabel());
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessage("No finite data");
        styleAxis(x);
        styleAxis(y);
        return plot;
    }

    private static XYPlot histogramPlot(Chart chart, List<Chart.Series> series) {
        HistogramDataset data = new HistogramDataset();
        double[][] finite = series.stream().map(s -> Arrays.stream(orEmpty(s.y())).filter(Double::isFinite).toArray())
                .toArray(double[][]::new);
        double[] all = Arrays.stream(finite).flatMapToDouble(Arrays::stream).toArray();
        if (all.length > 0) {
            double min = Arrays.stream(all).min().orElseThrow();
            double max = Arrays.stream(all).max().orElseThrow();
            if (min == max) {
                double pad = min == 0 ? 0.5 : Math.abs(min) * 0.05;
                min -= pad;
                max += pad;
            }
            int bins = HistogramBins.count(all);
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < series.size(); i++) {
                if (finite[i].length == 0) continue;
                String key = uniqueKey(i, series.get(i).name(), keys);
                keys.add(key);
                data.addSeries(key, finite[i], bins, min, max);
            }
        }
        NumberAxis x = new NumberAxis(chart.xLabel());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(blank(chart.yLabel()) ? "count" : chart.yLabel());
        XYBarRenderer renderer = new XYBarRenderer(0.04);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        boolean overlay = series.size() > 1;
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, overlay ? Palette.withAlpha(Palette.series(i), 140) : Palette.series(i));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        styleXy(plot);
        return plot;
    }

    private static void styleXy(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessage("No finite data");
        styleAxis(plot.getDomainAxis());
        styleAxis(plot.getRangeAxis());
    }

    private static void styleAxis(org.jfree.chart.axis.Axis axis) {
        axis.setLabelFont(new Font("SansSerif", Font.PLAIN, 13));
        axis.setLabelPaint(Palette.MUTED);
        axis.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 12));
        axis.setTickLabelPaint(Palette.MUTED);
        axis.setAxisLinePaint(Palette.AXIS);
        axis.setTickMarkPaint(Palette.AXIS);
    }

    private static void style(JFreeChart jf) {
        jf.setBackgroundPaint(Color.WHITE);
        jf.setBorderVisible(false);
        jf.setPadding(new RectangleInsets(4, 4, 4, 8));
        jf.setAntiAlias(true);
        jf.setTextAntiAlias(true);
        jf.getPlot().setNoDataMessagePaint(Palette.MUTED);
        LegendTitle legend = jf.getLegend();
        if (legend != null) {
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
            legend.setItemFont(new Font("SansSerif", Font.PLAIN, 12));
            legend.setItemPaint(Palette.TEXT);
            legend.setPosition(RectangleEdge.TOP);
        }
    }

    /** Category labels, padded with "#k" when the chart has fewer labels than values and de-duplicated. */
    static List<String> uniqueCategories(List<String> categories, List<Chart.Series> series) {
        int n = series.stream().mapToInt(s -> orEmpty(s.y()).length).max().orElse(0);
        if (categories != null) n = Math.max(n, categories.size());
        Set<String> seen = new HashSet<>();
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            String base = categories != null && i < categories.size() && categories.get(i) != null ? categories.get(i) : "#" + (i + 1);
            String label = base;
            for (int k = 2; !seen.add(label); k++) label = base + " (" + k + ")";
            out[i] = label;
        }
        return List.of(out);
    }

    private static String uniqueKey(int index, String name, Set<String> taken) {
        String base = blank(name) ? "series " + (index + 1) : name;
        String key = base;
        for (int k = 2; taken.contains(key); k++) key = base + " (" + k + ")";
        return key;
    }

    private static Set<String> keysOf(YIntervalSeriesCollection data) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < data.getSeriesCount(); i++) keys.add(String.valueOf(data.getSeriesKey(i)));
        return keys;
    }

    private static Set<String> xyKeys(XYSeriesCollection data) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < data.getSeriesCount(); i++) keys.add(String.valueOf(data.getSeriesKey(i)));
        return keys;
    }

    private static double xAt(Chart.Series s, int i) {
        return s.x() != null && i < s.x().length ? s.x()[i] : i;
    }

    private static double at(double[] a, int i, double fallback) {
        return a != null && i < a.length ? a[i] : fallback;
    }

    private static double[] pad(double[] a, int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        System.arraycopy(a, 0, out, 0, Math.min(n, a.length));
        return out;
    }

    private static double[] orEmpty(double[] a) {
        return a == null ? new double[0] : a;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Keeps only characters valid in an XML id, so a caller's prefix cannot break the markup. */
    static String sanitizeId(String s) {
        String id = s.replaceAll("[^A-Za-z0-9_-]", "_");
        return id.isEmpty() || !Character.isLetter(id.charAt(0)) ? "c" + id : id;
    }

    /** A short hash of the chart's content, so identical charts get identical ids and different charts different ones. */
    static String contentHash(Chart chart) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            update(md, String.valueOf(chart.type()));
            update(md, chart.title());
            update(md, chart.xLabel());
            update(md, chart.yLabel());
            update(md, String.valueOf(chart.categories()));
            for (Chart.Series s : chart.series() == null ? List.<Chart.Series>of() : chart.series()) {
                update(md, s.name());
                for (double[] a : new double[][]{s.x(), s.y(), s.low(), s.high()}) update(md, Arrays.toString(a));
            }
            byte[] h = md.digest();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 5; i++) sb.append(String.format("%02x", h[i]));
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest md, String s) {
        md.update(String.valueOf(s).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }
}
