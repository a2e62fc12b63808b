package io.genaudit.engine.image;

/**
 * A batch of images as float32 NCHW in [0,1]. The one in-memory image type every reader, generator and metric shares.
 *
 * @param data n*c*h*w values, image-major, then channel, row, column
 */
public record Images(int n, int channels, int height, int width, float[] data) {
    public Images {
        if ((long) n * channels * height * width != data.length) {
            throw new IllegalArgumentException("data length " + data.length + " != " + n + "x" + channels + "x" + height + "x" + width);
        }
    }

    public int imageSize() {
        return channels * height * width;
    }

    /** Value of image i, channel ch, row y, column x. */
    public float get(int i, int ch, int y, int x) {
        return data[((i * channels + ch) * height + y) * width + x];
    }

    /** The images [from, to) as a new batch (copy). */
    public Images slice(int from, int to) {
        float[] out = new float[(to - from) * imageSize()];
        System.arraycopy(data, from * imageSize(), out, 0, out.length);
        return new Images(to - from, channels, height, width, out);
    }
}
