package io.genaudit.audits.modules;

import io.genaudit.metrics.detect.DetectabilityMetric;
import io.genaudit.metrics.detect.MarkRobustness;
import io.genaudit.metrics.detect.MarkedFile;
import io.genaudit.reports.Table;
import io.genaudit.values.Interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The synthetic-origin mark survey of a detectability result as report tables: shares marked / with a C2PA manifest /
 * with a valid C2PA signature, per-image findings (the first {@link #MAX_ROWS}; all are in the details) and the
 * survival of marks under JPEG re-encoding, resizing and cropping.
 */
final class MarkingSection {
    /** Per-image rows shown in the report (all images are in the details). */
    static final int MAX_ROWS = 50;

    private MarkingSection() {
    }

    /** The summary, per-image and robustness tables; empty when no files were surveyed. */
    static List<Table> tables(DetectabilityMetric.Result r) {
        if (r.markImages() == null) return List.of();
        int files = r.markImages().size();
        List<Table> t = new ArrayList<>();
        t.add(new Table("Synthetic-origin marks (IPTC digital source type in XMP / genaudit PNG text / C2PA manifest), n = " + files + " files",
                List.of("measure", "files", "share", "95% CI (Clopper-Pearson)"),
                List.of(row("marked as model-made", r.markedFiles(), files, r.markedShareCi()),
                        row("carrying a C2PA manifest", r.c2paFiles(), files, r.c2paShareCi()),
                        row("C2PA claim signature valid", r.validSignatureFiles(), files, r.validSignatureShareCi()))));
        List<List<String>> rows = new ArrayList<>();
        for (MarkedFile m : r.markImages().subList(0, Math.min(MAX_ROWS, files))) {
            rows.add(List.of(m.file(), dash(m.xmpMark()), m.c2pa() ? "yes" : "no", dash(m.claimGenerator()), dash(shortType(m.c2paSourceType())),
                    m.signature() + (m.c2pa() ? " (" + words(m.certificate()) + ")" : ""), words(m.hashBinding()), words(m.assertionHashes())));
        }
        t.add(new Table("Marks per image" + (files > MAX_ROWS ? " (first " + MAX_ROWS + " of " + files + "; all in the JSON details)" : ""),
                List.of("file", "XMP / PNG text mark", "C2PA", "claim generator", "C2PA digital source type", "signature (certificate)", "file hash", "assertion hashes"), rows));
        if (!r.markRobustness().isEmpty()) {
            List<List<String>> rr = new ArrayList<>();
            for (MarkRobustness e : r.markRobustness()) {
                rr.add(List.of(e.edit(), e.surviving() + " of " + e.marked(), pct(e.survivalShare()),
                        e.signedSurviving() + " of " + e.signed(), pct(e.signatureSurvivalShare())));
            }
            t.add(new Table("Mark robustness: marks left after editing the marked files with javax.imageio (first " + MarkRobustness.MAX_FILES + " marked files at most)",
                    List.of("edit", "marks surviving", "share", "valid signatures surviving", "share"), rr));
        }
        return t;
    }

    private static List<String> row(String what, int k, int n, Interval ci) {
        return List.of(what, k + " of " + n, pct((double) k / n), "[" + pct(ci.low()) + ", " + pct(ci.high()) + "]");
    }

    private static String shortType(String uri) {
        return uri == null ? null : uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static String words(String enumText) {
        return enumText.replace('_', ' ');
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
