package io.genaudit.metrics.detect;

import io.genaudit.engine.InputException;
import io.genaudit.values.Interval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Whether generated image files carry a machine-readable synthetic-origin mark: IPTC digital source type
 * trainedAlgorithmicMedia in XMP or genaudit's PNG text key, or a C2PA manifest whose actions declare a model-made
 * digital source type ({@link ImageMark}). Reports the share of marked files, of files with a C2PA manifest and of
 * files whose C2PA claim signature verifies (and whose hash binding, where present, matches), each with a
 * Clopper-Pearson interval, plus the per-image findings.
 *
 * @param where count of marked files per location ("PNG iTXt XML:com.adobe.xmp", "C2PA manifest", ...)
 */
public record MarkingSurvey(int files, int marked, double share, Interval shareCi, Map<String, Integer> where,
                            List<String> unmarkedExamples, int c2pa, Interval c2paCi, int validSignature,
                            Interval validSignatureCi, List<ImageMark> images, List<Path> paths) {

    /** Surveys every PNG/JPEG file directly in {@code folder} (sorted by name). */
    public static MarkingSurvey of(Path folder) {
        List<Path> files = imageFiles(folder);
        int marked = 0, c2pa = 0, valid = 0;
        Map<String, Integer> where = new TreeMap<>();
        List<String> unmarked = new ArrayList<>();
        List<ImageMark> images = new ArrayList<>();
        for (Path f : files) {
            ImageMark m;
            try {
                m = ImageMark.of(f.getFileName().toString(), Files.readAllBytes(f));
            } catch (IOException e) {
                throw new InputException(f, "cannot read: " + e.getMessage());
            }
            images.add(m);
            if (m.c2pa().present()) c2pa++;
            if (m.c2pa().validSignature()) valid++;
            if (m.marked()) {
                marked++;
                for (String w : m.where()) where.merge(w, 1, Integer::sum);
            } else if (unmarked.size() < 5) {
                unmarked.add(m.file());
            }
        }
        int n = files.size();
        return new MarkingSurvey(n, marked, (double) marked / n, FixedFprThreshold.clopperPearson(marked, n, 0.95), where,
                List.copyOf(unmarked), c2pa, FixedFprThreshold.clopperPearson(c2pa, n, 0.95), valid,
                FixedFprThreshold.clopperPearson(valid, n, 0.95), List.copyOf(images), files);
    }

    /** Share of files with a C2PA manifest (any digital source type). */
    public double c2paShare() {
        return (double) c2pa / files;
    }

    /** Share of files whose C2PA claim signature verifies (hash binding not broken). */
    public double validSignatureShare() {
        return (double) validSignature / files;
    }

    /** Whether a file named {@code name} is surveyed: PNG and JPEG files (by name). */
    public static boolean surveyed(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    private static List<Path> imageFiles(Path folder) {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).filter(p -> surveyed(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new InputException(folder, "cannot list the folder: " + e.getMessage());
        }
        if (files.isEmpty()) throw new InputException(folder, "no PNG or JPEG files to check for synthetic-origin marks");
        return files;
    }
}
