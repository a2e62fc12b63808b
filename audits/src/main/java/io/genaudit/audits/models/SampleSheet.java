package io.genaudit.audits.models;

import io.genaudit.engine.image.ContactSheet;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.reports.Figure;

import java.util.Base64;

/** The report figure showing what a loaded generator produces: 64 samples from the run seed on one contact sheet. */
final class SampleSheet {
    static final int SAMPLES = 64;

    private SampleSheet() {
    }

    static Figure of(ImageGenerator g, long seed) {
        byte[] png = ContactSheet.png(g.generate(SAMPLES, seed, null), 8, g.describe());
        return new Figure("Samples of " + g.describe(), SAMPLES + " samples, latent seed " + seed + (g.numClasses() > 0
                ? ", labels drawn uniformly from the same seed" : "") + "; the PNG carries an IPTC trainedAlgorithmicMedia mark",
                "image/png", Base64.getEncoder().encodeToString(png));
    }
}
