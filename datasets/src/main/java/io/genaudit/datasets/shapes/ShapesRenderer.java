package io.genaudit.datasets.shapes;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Renders shapes images deterministically: image {@code i} of seed {@code s} depends only on (spec, s, i), so any
 * range can be rendered on its own. Each image is an antialiased circle, square or triangle (squares and triangles
 * slightly rotated) in a jittered red, green or blue on a jittered light background, plus seeded Gaussian pixel noise.
 */
public final class ShapesRenderer {
    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private static final int[][] BASE_COLOURS = {{210, 40, 40}, {40, 170, 60}, {40, 70, 210}};

    private final ShapesSpec spec;
    private final long seed;
    private final double[] pShape, pColour, pSize;

    public ShapesRenderer(ShapesSpec spec, long seed) {
        this.spec = spec;
        this.seed = seed;
        this.pShape = ShapesSpec.normalised(spec.shapeWeights());
        this.pColour = ShapesSpec.normalised(spec.colourWeights());
        this.pSize = ShapesSpec.normalised(spec.sizeWeights());
    }

    /** Renders images [from, to) into memory. */
    public List<ShapeSample> render(int from, int to) {
        if (from < 0 || to > spec.count() || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + "," + to + ") outside 0.." + spec.count());
        }
        List<ShapeSample> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) out.add(render(i));
        return out;
    }

    /** Renders every image of the spec into memory. */
    public List<ShapeSample> renderAll() {
        return render(0, spec.count());
    }

    /** Renders image {@code i}. */
    public ShapeSample render(int i) {
        SplittableRandom rnd = new SplittableRandom(mix(seed, i));
        int shape = pick(rnd, pShape);
        int colour = pick(rnd, pColour);
        int size = pick(rnd, pSize);
        int side = spec.side();
        double scale = side / 32.0;
        double radius = (size == 0 ? 5.0 + rnd.nextDouble() * 1.5 : 10.0 + rnd.nextDouble() * 2.0) * scale;
        int margin = (int) Math.ceil(radius) + 1;
        int cx = margin + rnd.nextInt(side - 2 * margin);
        int cy = margin + rnd.nextInt(side - 2 * margin);
        double angle = (rnd.nextDouble() - 0.5) * Math.PI / 6; // +-15 degrees

        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            int bg = 215 + rnd.nextInt(31);
            g.setColor(new Color(bg, clamp(bg - 5 + rnd.nextInt(11)), clamp(bg - 5 + rnd.nextInt(11))));
            g.fillRect(0, 0, side, side);
            int[] base = BASE_COLOURS[colour];
            g.setColor(new Color(clamp(base[0] + rnd.nextInt(41) - 20), clamp(base[1] + rnd.nextInt(41) - 20),
                    clamp(base[2] + rnd.nextInt(41) - 20)));
            Shape s = outline(shape, cx, cy, radius, angle);
            g.fill(s);
            g.setStroke(new BasicStroke((float) (0.6 * scale)));
            g.draw(s);
        } finally {
            g.dispose();
        }
        addNoise(img, rnd);
        return new ShapeSample(i, shape, colour, size, cx, cy, img);
    }

    private static Shape outline(int shape, double cx, double cy, double r, double angle) {
        Shape base;
        switch (shape) {
            case 0 -> base = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
            case 1 -> {
                double h = r * 0.85; // half side, so the square's area is close to the circle's
                base = new Rectangle2D.Double(cx - h, cy - h, 2 * h, 2 * h);
            }
            default -> {
                Path2D.Double p = new Path2D.Double();
                for (int k = 0; k < 3; k++) {
                    double a = -Math.PI / 2 + k * 2 * Math.PI / 3;
                    double px = cx + r * 1.1 * Math.cos(a), py = cy + r * 1.1 * Math.sin(a) + r * 0.15;
                    if (k == 0) p.moveTo(px, py);
                    else p.lineTo(px, py);
                }
                p.closePath();
                base = p;
            }
        }
        if (shape == 0) return base;
        return AffineTransform.getRotateInstance(angle, cx, cy).createTransformedShape(base);
    }

    private void addNoise(BufferedImage img, SplittableRandom rnd) {
        double sigma = spec.noiseSigma();
        if (sigma == 0) return;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = clamp((int) Math.round(((rgb >> 16) & 0xff) + sigma * gaussian(rnd)));
                int gg = clamp((int) Math.round(((rgb >> 8) & 0xff) + sigma * gaussian(rnd)));
                int b = clamp((int) Math.round((rgb & 0xff) + sigma * gaussian(rnd)));
                img.setRGB(x, y, (r << 16) | (gg << 8) | b);
            }
        }
    }

    /** Box-Muller from the given generator, so the noise does not depend on java.util.Random's internals. */
    private static double gaussian(SplittableRandom rnd) {
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static int pick(SplittableRandom rnd, double[] p) {
        double u = rnd.nextDouble();
        double c = 0;
        for (int k = 0; k < p.length; k++) {
            c += p[k];
            if (u < c && p[k] > 0) return k;
        }
        for (int k = p.length - 1; k >= 0; k--) if (p[k] > 0) return k;
        throw new IllegalStateException("no positive weight");
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static long mix(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
