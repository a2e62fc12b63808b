package io.genaudit.engine.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Lays out images in a grid on one PNG, enlarged with nearest-neighbour so small images stay crisp, for sample sheets
 * in reports. The PNG carries the synthetic-origin mark of {@link PngWriter}.
 */
public final class ContactSheet {
    private ContactSheet() {
    }

    /** The grid as an image: {@code columns} per row, each image scaled by {@code scale}, {@code pad} pixels between. */
    public static BufferedImage render(Images images, int columns, int scale, int pad) {
        if (images.n() == 0) throw new IllegalArgumentException("no images to lay out");
        int cols = Math.max(1, Math.min(columns, images.n()));
        int rows = (images.n() + cols - 1) / cols;
        int cw = images.width() * scale, ch = images.height() * scale;
        BufferedImage sheet = new BufferedImage(pad + cols * (cw + pad), pad + rows * (ch + pad), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            for (int i = 0; i < images.n(); i++) {
                int x = pad + (i % cols) * (cw + pad), y = pad + (i / cols) * (ch + pad);
                g.drawImage(BufferedImages.toBufferedImage(images, i), x, y, cw, ch, null);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    /** PNG bytes of the grid, marked as made by {@code generator}. Scale 3 and padding 2 unless the images are large. */
    public static byte[] png(Images images, int columns, String generator) {
        int scale = images.width() <= 32 ? 3 : images.width() <= 96 ? 2 : 1;
        return PngWriter.encode(render(images, columns, scale, 2), generator);
    }
}
