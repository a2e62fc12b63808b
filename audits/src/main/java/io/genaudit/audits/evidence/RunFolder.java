package io.genaudit.audits.evidence;

import io.genaudit.engine.InputException;
import io.genaudit.engine.io.Sha256;
import io.genaudit.reports.RunRecord;
import io.genaudit.reports.RunRecordFormatException;
import io.genaudit.reports.RunRecordJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A finished run's output folder read for evidence: its run record and every regular file in it (hidden and
 * temporary files and symbolic links left out), plus the plan the run executed, found by its SHA-256.
 *
 * @param record the parsed run.json
 * @param files  bundle member name ({@code run/...}, {@code plan/...}) to bytes
 */
public record RunFolder(RunRecord record, Map<String, byte[]> files) {
    /** The run record file every run folder holds. */
    public static final String RUN_JSON = "run.json";

    /** Reads a run folder's run record only (for commands that need no files). */
    public static RunRecord readRecord(Path dir) {
        Path json = Files.isDirectory(dir) ? dir.resolve(RUN_JSON) : dir;
        try {
            return InputFile.read(json, "run record not found (a genaudit output folder holds run.json)", () -> RunRecordJson.read(json));
        } catch (RunRecordFormatException e) {
            throw new InputException(json, "not a genaudit run record: " + e.getMessage());
        }
    }

    /**
     * Reads {@code dir}.
     *
     * @param planFile     the plan given on the command line, or null to look for it (run folder, the recorded plan
     *                     path, then {@code builtIn})
     * @param builtInPlans texts of plans genaudit carries (the demo), matched by hash
     */
    public static RunFolder read(Path dir, Path planFile, List<String> builtInPlans) {
        if (!Files.isDirectory(dir)) throw new InputException(dir, "not a folder; a genaudit output folder (holding run.json) expected");
        RunRecord record = readRecord(dir);
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.sorted().toList()) {
                Path rel = dir.relativize(f);
                if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || hidden(rel) || f.getFileName().toString().endsWith(".tmp")) continue;
                byte[] b = Files.readAllBytes(f);
                total += b.length;
                if (total > BundleLayout.MAX_BYTES) throw new InputException(dir, "holds more than " + BundleLayout.MAX_BYTES + " bytes");
                files.put(BundleLayout.RUN_PREFIX + rel.toString().replace('\\', '/'), b);
            }
        } catch (IOException e) {
            throw new InputException(dir, "cannot be read: " + e.getMessage());
        }
        String planSha = record.provenance() == null ? null : record.provenance().planSha256();
        if (EvidenceInputs.isSha(planSha) && files.values().stream().noneMatch(b -> Sha256.of(b).equals(planSha))) {
            Plan plan = findPlan(record, planFile, builtInPlans, planSha);
            files.put(BundleLayout.PLAN_PREFIX + plan.name(), plan.bytes());
        }
        return new RunFolder(record, files);
    }

    private record Plan(String name, byte[] bytes) {
    }

    private static Plan findPlan(RunRecord record, Path planFile, List<String> builtIn, String sha) {
        if (planFile != null) {
            byte[] b = readPlan(planFile);
            if (!Sha256.of(b).equals(sha)) {
                throw new InputException(planFile, "SHA-256 " + Sha256.of(b) + " differs from the run's plan (" + sha + "); not the plan this run executed");
            }
            return new Plan(planFile.getFileName().toString(), b);
        }
        String recorded = record.provenance().planPath();
        if (recorded != null) {
            try {
                Path p = Path.of(recorded);
                if (Files.isRegularFile(p)) {
                    byte[] b = Files.readAllBytes(p);
                    if (Sha256.of(b).equals(sha)) return new Plan(p.getFileName().toString(), b);
                }
            } catch (IOException | RuntimeException ignored) {
                // an unusable recorded path falls through to the built-in plans and the error below
            }
        }
        for (String text : builtIn) {
            byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (Sha256.of(b).equals(sha)) return new Plan(record.planName() == null ? "plan.yaml" : slug(record.planName()) + ".yaml", b);
        }
        throw new InputException(recorded == null ? "run.json" : recorded, "the plan this run executed (SHA-256 " + sha
                + ") was not found; pass it with --plan FILE");
    }

    private static byte[] readPlan(Path p) {
        return InputFile.read(p, "plan file not found", () -> Files.readAllBytes(p));
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) if (part.toString().startsWith(".")) return true;
        return false;
    }

    private static String slug(String s) {
        String x = s.replaceAll("[^A-Za-z0-9._-]+", "-");
        return x.isEmpty() ? "plan" : x;
    }
}
