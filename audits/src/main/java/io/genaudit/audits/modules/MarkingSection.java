package io.genaudit.audits.modules;

import io.genaudit.engine.image.c2pa.C2paManifest;
import io.genaudit.metrics.detect.ImageMark;
import io.genaudit.metrics.detect.MarkRobustness;
import io.genaudit.metrics.detect.MarkingSurvey;
import io.genaudit.values.Interval;
import io.genaudit.reports.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The synthetic-origin mark survey as result fields, report tables and notes (shared by the detectability audit and
 * {@code genaudit detect}): shares marked / with a C2PA manifest / with a valid C2PA signature, per-image findings
 * and the survival of marks under JPEG re-encoding, resizing and cropping.
 */
public final class MarkingSection {
    /** Per-image rows shown in the report (all images are in the details). */
    static final int MAX_ROWS = 50;

    private MarkingSection() {
    }

    /** The result detail fields (gate fields marked_share, c2pa_share, valid_signature_share among them). */
    public static Map<String, Object> details(MarkingSurvey ms, List<MarkRobustness> robust) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("marked_share", ms.share());
        d.put("marked_files", ms.marked());
        d.put("marked_share_ci", ci(ms.shareCi()));
        d.put("mark_locations", ms.where());
        d.put("c2pa_share", ms.c2paShare());
        d.put("c2pa_files", ms.c2pa());
        d.put("c2pa_share_ci", ci(ms.c2paCi()));
        d.put("valid_signature_share", ms.validSignatureShare());
        d.put("valid_signature_files", ms.validSignature());
        d.put("valid_signature_share_ci", ci(ms.validSignatureCi()));
        List<Map<String, Object>> images = new ArrayList<>();
        for (ImageMark m : ms.images()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("file", m.file());
            e.put("marked", m.marked());
            e.put("xmp_source_type", m.xmp().digitalSourceType());
            C2paManifest c = m.c2pa();
            e.put("c2pa", c.present());
            e.put("claim_generator", c.claimGenerator());
            e.put("c2pa_source_type", c.digitalSourceType());
            e.put("signature", c.signature().name().toLowerCase(Locale.ROOT));
            e.put("certificate", c.trust().name().toLowerCase(Locale.ROOT));
            e.put("signer", c.signer());
            e.put("hash_binding", c.hardBinding().name().toLowerCase(Locale.ROOT));
            e.put("assertion_hashes", c.assertionHashes().name().toLowerCase(Locale.ROOT));
            e.put("problem", c.problem());
            images.add(e);
        }
        d.put("mark_images", images);
        List<Map<String, Object>> rob = new ArrayList<>();
        for (MarkRobustness r : robust) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("edit", r.edit());
            e.put("marked", r.marked());
            e.put("surviving", r.surviving());
            e.put("survival_share", r.survivalShare());
            e.put("signed", r.signed());
            e.put("signed_surviving", r.signedSurviving());
            e.put("signature_survival_share", r.signatureSurvivalShare());
            rob.add(e);
        }
        d.put("mark_robustness", rob);
        return d;
    }

    /** The summary, per-image and robustness tables. */
    public static List<Table> tables(MarkingSurvey ms, List<MarkRobustness> robust) {
        List<Table> t = new ArrayList<>();
        t.add(new Table("Synthetic-origin marks (IPTC digital source type in XMP / genaudit PNG text / C2PA manifest), n = " + ms.files() + " files",
                List.of("measure", "files", "share", "95% CI (Clopper-Pearson)"),
                List.of(row("marked as model-made", ms.marked(), ms.files(), ms.shareCi()),
                        row("carrying a C2PA manifest", ms.c2pa(), ms.files(), ms.c2paCi()),
                        row("C2PA claim signature valid", ms.validSignature(), ms.files(), ms.validSignatureCi()))));
        List<List<String>> rows = new ArrayList<>();
        for (ImageMark m : ms.images().subList(0, Math.min(MAX_ROWS, ms.images().size()))) {
            C2paManifest c = m.c2pa();
            rows.add(List.of(m.file(), m.xmp().synthetic() ? String.valueOf(m.xmp().where()) : "-",
                    c.present() ? "yes" : "no", dash(c.claimGenerator()), dash(shortType(c.digitalSourceType())),
                    c.signature().name().toLowerCase(Locale.ROOT) + (c.present() ? " (" + c.trust().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")" : ""),
                    c.hardBinding().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    c.assertionHashes().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        t.add(new Table("Marks per image" + (ms.files() > MAX_ROWS ? " (first " + MAX_ROWS + " of " + ms.files() + "; all in the JSON details)" : ""),
                List.of("file", "XMP / PNG text mark", "C2PA", "claim generator", "C2PA digital source type", "signature (certificate)", "file hash", "assertion hashes"), rows));
        if (!robust.isEmpty()) {
            List<List<String>> rr = new ArrayList<>();
            for (MarkRobustness r : robust) {
                rr.add(List.of(r.edit(), r.surviving() + " of " + r.marked(), pct(r.survivalShare()),
                        r.signedSurviving() + " of " + r.signed(), pct(r.signatureSurvivalShare())));
            }
            t.add(new Table("Mark robustness: marks left after editing the marked files with javax.imageio (first " + MarkRobustness.MAX_FILES + " marked files at most)",
                    List.of("edit", "marks surviving", "share", "valid signatures surviving", "share"), rr));
        }
        return t;
    }

    /** Notes on unmarked files and on what is not checked. */
    public static List<String> notes(MarkingSurvey ms) {
        List<String> n = new ArrayList<>();
        if (ms.marked() < ms.files()) n.add((ms.files() - ms.marked()) + " of " + ms.files() + " generated files carry no machine-readable synthetic-origin mark, e.g. " + ms.unmarkedExamples() + ".");
        if (ms.c2pa() > 0) n.add("C2PA: the claim signature is checked against the certificate embedded in the manifest; no trust list is consulted, so a valid signature shows integrity, not who signed. Timestamps and revocation are not checked.");
        return n;
    }

    private static List<String> row(String what, int k, int n, Interval ci) {
        return List.of(what, k + " of " + n, pct((double) k / n), "[" + pct(ci.low()) + ", " + pct(ci.high()) + "]");
    }

    private static List<Double> ci(Interval ci) {
        return List.of(ci.low(), ci.high());
    }

    private static String shortType(String uri) {
        return uri == null ? null : uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
