package io.genaudit.metrics.detect;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.genaudit.engine.InputException;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How many synthetic-origin marks survive ordinary edits: each marked file is re-encoded as JPEG, resized or cropped
 * with javax.imageio (which, like most image pipelines, does not carry C2PA boxes or XMP over) and read again. A
 * byte-for-byte copy is the control: it must keep every mark, showing that a 0% survival is the edit's doing.
 *
 * @param edit           what was done to each file
 * @param marked         files that carried a mark before the edit
 * @param surviving      of those, files still marked after it
 * @param signed         files whose C2PA signature verified before the edit
 * @param signedSurviving of those, files whose signature still verifies after it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MarkRobustness(String edit, int marked, int surviving, int signed, int signedSurviving) implements java.io.Serializable {
    /** At most this many marked files are edited (the first by name). */
    public static final int MAX_FILES = 100;

    /** Share of marks that survive, or NaN when nothing was marked. */
    @JsonProperty("survival_share")
    public double survivalShare() {
        return marked == 0 ? Double.NaN : (double) surviving / marked;
    }

    /** Share of valid signatures that survive, or NaN when none was valid. */
    @JsonProperty("signature_survival_share")
    public double signatureSurvivalShare() {
        return signed == 0 ? Double.NaN : (double) signedSurviving / signed;
    }

    private record Edit(String name, UnaryOperator<byte[]> apply) {
    }

    private static final List<Edit> EDITS = List.of(
            new Edit("byte copy (control)", b -> b.clone()),
            new Edit("JPEG re-encode, quality 90", b -> jpeg(decode(b))),
            new Edit("resize to 50% (bilinear), same format", b -> sameFormat(b, resize(decode(b), 0.5))),
            new Edit("crop to the central 80%, same format", b -> sameFormat(b, crop(decode(b), 0.8))));

    /** The survival table for the marked files of {@code survey} (control first). */
    public static List<MarkRobustness> of(MarkingSurvey survey) {
        List<byte[]> markedBytes = new ArrayList<>();
        for (int i = 0; i < survey.files() && markedBytes.size() < MAX_FILES; i++) {
            ImageMark m = survey.images().get(i);
            if (!edited(m)) continue;
            try {
                markedBytes.add(Files.readAllBytes(survey.paths().get(i)));
            } catch (IOException e) {
                throw new InputException(survey.paths().get(i), "cannot read: " + e.getMessage());
            }
        }
        return of(markedBytes);
    }

    /** Whether a file with {@code m}'s findings is edited by the survival check (marked, or carrying a C2PA manifest). */
    public static boolean edited(ImageMark m) {
        return m.marked() || m.c2pa().present();
    }

    /**
     * The survival table (control first) for the bytes of the files to edit: the first {@value #MAX_FILES} of the
     * surveyed files, by name, that are {@link #edited}.
     */
    public static List<MarkRobustness> of(List<byte[]> markedBytes) {
        List<MarkRobustness> out = new ArrayList<>();
        for (Edit e : EDITS) {
            int marked = 0, surviving = 0, valid = 0, validAfter = 0;
            for (byte[] b : markedBytes) {
                ImageMark before = ImageMark.of("before", b);
                ImageMark after = ImageMark.of("after " + e.name(), e.apply().apply(b));
                marked++;
                if (after.marked() || after.c2pa().present()) surviving++;
                if (before.c2pa().validSignature()) {
                    valid++;
                    if (after.c2pa().validSignature()) validAfter++;
                }
            }
            out.add(new MarkRobustness(e.name(), marked, surviving, valid, validAfter));
        }
        return out;
    }

    private static BufferedImage decode(byte[] b) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(b));
            if (img == null) throw new InputException("marked image", "cannot be decoded for the robustness check");
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] jpeg(BufferedImage img) {
        try {
            BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(img, 0, 0, null);
            return JpegCompression.encode(rgb, 90);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sameFormat(byte[] original, BufferedImage img) {
        if ((original[0] & 0xff) == 0xFF && (original[1] & 0xff) == 0xD8) return jpeg(img);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage resize(BufferedImage img, double f) {
        int w = Math.max(1, (int) Math.round(img.getWidth() * f)), h = Math.max(1, (int) Math.round(img.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static BufferedImage crop(BufferedImage img, double f) {
        int w = Math.max(1, (int) Math.round(img.getWidth() * f)), h = Math.max(1, (int) Math.round(img.getHeight() * f));
        return img.getSubimage((img.getWidth() - w) / 2, (img.getHeight() - h) / 2, w, h);
    }
}
