package io.genaudit.reports.compliance;

import io.genaudit.reports.AuditResult;
import io.genaudit.reports.GateOutcome;
import io.genaudit.reports.PhaseRecord;
import io.genaudit.reports.RunRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Maps a run's audits and outputs to the texts reviewers work to: EU AI Act Annex IV 2(g), Art. 15 and Art. 50(2);
 * NIST AI 600-1 measure actions MS-2.11-002, MS-2.13-001, MS-2.12-003, MS-2.7-005, MS-1.1-009; ISO/IEC 42001 A.6.2.4.
 * Each row says what this run measured, where the evidence is, and what is not measured. docs/compliance.md is the
 * prose version; the sources and their versions are {@link #SOURCES}.
 */
public final class ComplianceMap {
    /** EU AI Act: Regulation (EU) 2024/1689, OJ L, 12 July 2024. */
    public static final String EU_AI_ACT = "EU AI Act (Regulation (EU) 2024/1689, OJ L 12.7.2024)";
    /** NIST AI 600-1, Generative AI Profile of the AI RMF, July 2024. */
    public static final String NIST = "NIST AI 600-1 (Generative AI Profile, July 2024)";
    /** ISO/IEC 42001:2023, first edition, December 2023. */
    public static final String ISO = "ISO/IEC 42001:2023 (1st ed., Dec. 2023)";
    /** Every source with its version and date, for the report's footnote. */
    public static final List<String> SOURCES = List.of(EU_AI_ACT, NIST, ISO);

    private static final Set<String> QUALITY = Set.of("perplexity", "fid", "kid", "prdc", "inception-score", "diversity");
    private static final Set<String> BIAS = Set.of("bias-lm", "bias-image");

    private ComplianceMap() {
    }

    /** The rows for {@code record}. */
    public static List<ComplianceRow> of(RunRecord record) {
        List<AuditResult> audits = record.audits() == null ? List.of()
                : record.audits().stream().filter(a -> a.id() != null && !a.id().startsWith("compare:")).toList();
        List<String> quality = ids(audits, a -> QUALITY.contains(a.metric()));
        List<String> bias = ids(audits, a -> BIAS.contains(a.metric()));
        List<String> detect = ids(audits, a -> "detectability".equals(a.metric()));
        List<String> marking = ids(audits, a -> "detectability".equals(a.metric()) && a.details().containsKey("marked_share"));
        List<String> gated = ids(audits, a -> a.gate() != null);
        long withCi = audits.stream().filter(a -> a.value() != null && a.ci() != null).count();
        long withValue = audits.stream().filter(a -> a.value() != null).count();
        boolean energy = record.provenance() != null && record.provenance().phases() != null
                && record.provenance().phases().stream().map(PhaseRecord::energy).anyMatch(Objects::nonNull);
        List<ComplianceRow> rows = new ArrayList<>();
        rows.add(new ComplianceRow(EU_AI_ACT, "Annex IV 2(g)",
                "Validation and testing procedures, the test data and their main characteristics, metrics for accuracy, robustness and discriminatory impact, and test logs and reports dated and signed by the responsible persons.",
                audits.isEmpty() ? ComplianceRow.NOT : ComplianceRow.MEASURED,
                "Procedures: the plan (provenance.planSha256; bundled under plan/ by genaudit bundle). Test data: provenance.files (path, bytes, SHA-256). Metrics: "
                        + join(audits.stream().map(AuditResult::id).distinct().toList()) + ". Test log: run.json, junit.xml. Reports: report.html, report.pdf, dated (provenance.startedAt); signed and dated by `genaudit bundle --signer`.",
                "The signature is added by `genaudit bundle`, not by the run itself; data characteristics beyond size and hash (collection, labelling) must be written by a person."));
        rows.add(new ComplianceRow(EU_AI_ACT, "Art. 15",
                "An appropriate level of accuracy, robustness and cybersecurity, with the accuracy metrics declared.",
                quality.isEmpty() ? ComplianceRow.NOT : ComplianceRow.PARTLY,
                "Accuracy/quality: " + join(quality) + ". Robustness: " + (detect.isEmpty() ? "none" : "perturbation sweep in " + join(detect))
                        + ". Run-to-run reproducibility: same plan and seed give the same numbers on CPU (provenance.seed).",
                "Cybersecurity (adversarial inputs, data poisoning, model extraction) is not measured."));
        rows.add(new ComplianceRow(EU_AI_ACT, "Art. 50(2)",
                "Synthetic audio, image, video or text marked in a machine-readable format and detectable as artificially generated.",
                detect.isEmpty() ? ComplianceRow.NOT : ComplianceRow.PARTLY,
                detect.isEmpty() ? "none" : "Detectability of generated images (AUC with interval, robustness to perturbation): " + join(detect)
                        + (marking.isEmpty() ? "" : "; machine-readable marks (IPTC XMP DigitalSourceType, C2PA manifests in PNG caBX / JPEG APP11 with claim generator, digital source type, COSE claim signature checked against the embedded certificate, assertion and file hashes; gate fields marked_share, c2pa_share, valid_signature_share): " + join(marking)) + ".",
                "C2PA: no trust list (a valid signature shows integrity, not the signer's identity), timestamps and revocation are not checked, and only PNG/JPEG are read; invisible watermarks and marks in text outputs are not checked."));
        rows.add(new ComplianceRow(NIST, "MS-2.11-002",
                "Fairness assessments: per-group metrics (e.g. demographic parity) and statistical hypothesis tests.",
                bias.isEmpty() ? ComplianceRow.NOT : ComplianceRow.MEASURED,
                bias.isEmpty() ? "none" : "Per-group results with Holm-corrected tests and intervals: " + join(bias) + " (tables in each audit's section).",
                "Only the groups the probes name are covered; intersectional groups and deployment outcomes are not measured."));
        rows.add(new ComplianceRow(NIST, "MS-2.13-001",
                "Measurement error of each metric: measure or estimate and document biases or statistical variance in applied metrics.",
                withValue == 0 ? ComplianceRow.NOT : withCi == withValue ? ComplianceRow.MEASURED : ComplianceRow.PARTLY,
                withCi + " of " + withValue + " results carry an interval with its method (ci.method); notes state non-comparable settings (e.g. feature extractors) and sample sizes.",
                withCi == withValue ? "Construct validity (does the metric capture the concept) is argued in docs, not measured."
                        : (withValue - withCi) + " results have no interval; construct validity is not measured."));
        rows.add(new ComplianceRow(NIST, "MS-2.12-003",
                "Measure or estimate environmental impacts (energy and water) of training, fine-tuning and deployment.",
                energy ? ComplianceRow.PARTLY : ComplianceRow.NOT,
                energy ? "Energy and CO2e per phase (training, sampling, evaluation) with method and bounds: Energy section, emissions.csv (CodeCarbon columns, water from the stated WUE)." : "none",
                "Deployment (inference at scale) energy is not measured; water is estimated from an assumed WUE, not metered; embodied emissions are not counted."));
        rows.add(new ComplianceRow(NIST, "MS-2.7-005",
                "Reliability of content authentication (watermarks, signatures, fingerprints): false positive and negative rates.",
                detect.isEmpty() ? ComplianceRow.NOT : ComplianceRow.PARTLY,
                detect.isEmpty() ? "none" : "Detector error rates (detection rate at fixed FPR, AUC) and their robustness to JPEG, noise, resizing: " + join(detect)
                        + (marking.isEmpty() ? "" : ". Survival of metadata marks and C2PA signatures under JPEG re-encoding, resizing and cropping (mark robustness table, byte copy as control): " + join(marking))
                        + ". Integrity of the evidence itself: `genaudit bundle`/`verify` (Ed25519, DSSE/in-toto).",
                "Invisible watermark survival is not measured; mark survival covers javax.imageio edits only, not other editors or platforms."));
        rows.add(new ComplianceRow(NIST, "MS-1.1-009",
                "Track and document risks that cannot be measured quantitatively, and why.",
                ComplianceRow.MEASURED,
                "The 'not measured' column of this table; audit notes list each result's limits.",
                "Risks outside genaudit's scope (CBRN, privacy, IP, confabulation, harmful content) are not listed by the run; a person must add them."));
        rows.add(new ComplianceRow(ISO, "A.6.2.4",
                "AI system verification and validation: documented criteria and evaluation.",
                gated.isEmpty() ? ComplianceRow.NOT : ComplianceRow.MEASURED,
                gated.isEmpty() ? "No gate in the plan: no documented pass/fail criterion." : "Gates are the documented verification criteria, each with its sentence: "
                        + join(gated) + " (" + passed(audits) + "); junit.xml for CI.",
                "Validation in the deployment context (users, real data) is not measured."));
        return rows;
    }

    private static String passed(List<AuditResult> audits) {
        long pass = audits.stream().map(AuditResult::gate).filter(Objects::nonNull).filter(GateOutcome::passed).count();
        long all = audits.stream().map(AuditResult::gate).filter(Objects::nonNull).count();
        return pass + " of " + all + " gates passed";
    }

    private static List<String> ids(List<AuditResult> audits, Predicate<AuditResult> p) {
        return audits.stream().filter(p).map(a -> a.id() + (a.model() == null ? "" : " on " + a.model())).distinct().toList();
    }

    private static String join(List<String> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }
}
