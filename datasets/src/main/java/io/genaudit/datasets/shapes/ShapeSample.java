package io.genaudit.datasets.shapes;

import java.awt.image.BufferedImage;

/**
 * One rendered shapes image with the attributes it was drawn with. Attribute values are indices into
 * {@link ShapesSpec#SHAPES}, {@link ShapesSpec#COLOURS} and {@link ShapesSpec#SIZES}; {@code x, y} is the shape's
 * centre in pixels.
 */
public record ShapeSample(int index, int shape, int colour, int size, int x, int y, BufferedImage image) {
    public String shapeName() {
        return ShapesSpec.SHAPES.get(shape);
    }

    public String colourName() {
        return ShapesSpec.COLOURS.get(colour);
    }

    public String sizeName() {
        return ShapesSpec.SIZES.get(size);
    }

    /** The file name this sample gets when written to a folder. */
    public String fileName() {
        return String.format("%05d.png", index);
    }

    /** Pixels as float32 channel-major (3, height, width) in [0,1], the layout of genaudit's image batches. */
    public float[] toChw() {
        int w = image.getWidth(), h = image.getHeight();
        float[] out = new float[3 * h * w];
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0; xx < w; xx++) {
                int rgb = image.getRGB(xx, yy);
                out[yy * w + xx] = ((rgb >> 16) & 0xff) / 255f;
                out[h * w + yy * w + xx] = ((rgb >> 8) & 0xff) / 255f;
                out[2 * h * w + yy * w + xx] = (rgb & 0xff) / 255f;
            }
        }
        return out;
    }

    /** The labels.csv row for this sample: file,shape,colour,size,x,y. */
    public String csvRow() {
        return fileName() + "," + shapeName() + "," + colourName() + "," + sizeName() + "," + x + "," + y;
    }
}
