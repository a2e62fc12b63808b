package io.genaudit.reports.chart;

import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/**
 * A JFreeChart bar renderer that also draws asymmetric error bars (a confidence interval's low and high) on each bar;
 * JFreeChart's own StatisticalBarRenderer only draws symmetric mean ± standard deviation.
 */
final class ErrorBarRenderer extends BarRenderer {
    private final double[][] low;
    private final double[][] high;

    /** {@code low[series][category]} and {@code high[series][category]}; a row may be null (no bars for it), NaN skips one. */
    ErrorBarRenderer(double[][] low, double[][] high) {
        this.low = low;
        this.high = high;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        if (row >= low.length || low[row] == null || high[row] == null || column >= low[row].length) return;
        double lo = low[row][column];
        double hi = high[row][column];
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) return;
        PlotOrientation orientation = plot.getOrientation();
        double w0 = calculateBarW0(plot, orientation, dataArea, domainAxis, state, row, column);
        double center = w0 + state.getBarWidth() / 2.0;
        double cap = Math.min(8.0, state.getBarWidth() / 3.0);
        var edge = plot.getRangeAxisEdge();
        double y0 = rangeAxis.valueToJava2D(lo, dataArea, edge);
        double y1 = rangeAxis.valueToJava2D(hi, dataArea, edge);
        g2.setPaint(Palette.ERROR_BAR);
        g2.setStroke(new BasicStroke(1.25f));
        if (orientation == PlotOrientation.VERTICAL) {
            g2.draw(new Line2D.Double(center, y0, center, y1));
            g2.draw(new Line2D.Double(center - cap / 2, y0, center + cap / 2, y0));
            g2.draw(new Line2D.Double(center - cap / 2, y1, center + cap / 2, y1));
        } else {
            g2.draw(new Line2D.Double(y0, center, y1, center));
            g2.draw(new Line2D.Double(y0, center - cap / 2, y0, center + cap / 2));
            g2.draw(new Line2D.Double(y1, center - cap / 2, y1, center + cap / 2));
        }
    }

    /** The value axis range covers the error bars, not just the bars. */
    @Override
    public Range findRangeBounds(CategoryDataset dataset) {
        Range r = super.findRangeBounds(dataset);
        for (double[][] bounds : new double[][][]{low, high}) {
            for (double[] row : bounds) {
                if (row == null) continue;
                for (double v : row) {
                    if (Double.isFinite(v)) r = Range.expandToInclude(r, v);
                }
            }
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
