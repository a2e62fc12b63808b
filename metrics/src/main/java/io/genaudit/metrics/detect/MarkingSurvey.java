package io.genaudit.metrics.detect;

import io.genaudit.engine.InputException;
import io.genaudit.engine.image.SyntheticMark;
import io.genaudit.reports.Interval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Whether generated image files carry a machine-readable synthetic-origin mark (IPTC digital source type
 * trainedAlgorithmicMedia in XMP, or genaudit's PNG text key), read with {@link SyntheticMark}: the share of marked
 * files with a Clopper-Pearson interval, and where the marks were found.
 *
 * @param where count of marked files per location ("PNG iTXt XML:com.adobe.xmp", ...)
 */
public record MarkingSurvey(int files, int marked, double share, Interval shareCi, Map<String, Integer> where,
                            List<String> unmarkedExamples) {

    /** Surveys every PNG/JPEG file directly in {@code folder} (sorted by name). */
    public static MarkingSurvey of(Path folder) {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
            }).sorted().toList();
        } catch (IOException e) {
            throw new InputException(folder, "cannot list the folder: " + e.getMessage());
        }
        if (files.isEmpty()) throw new InputException(folder, "no PNG or JPEG files to check for synthetic-origin marks");
        int marked = 0;
        Map<String, Integer> where = new TreeMap<>();
        List<String> unmarked = new java.util.ArrayList<>();
        for (Path f : files) {
            SyntheticMark m = SyntheticMark.read(f);
            if (m.synthetic()) {
                marked++;
                where.merge(m.where(), 1, Integer::sum);
            } else if (unmarked.size() < 5) {
                unmarked.add(f.getFileName().toString());
            }
        }
        return new MarkingSurvey(files.size(), marked, (double) marked / files.size(),
                FixedFprThreshold.clopperPearson(marked, files.size(), 0.95), where, List.copyOf(unmarked));
    }
}
