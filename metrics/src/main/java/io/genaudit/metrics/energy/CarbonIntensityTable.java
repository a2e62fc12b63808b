package io.genaudit.metrics.energy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled, dated table of grid carbon intensity per country (ISO 3166-1 alpha-2) and a few sub-regions (ISO
 * 3166-2, e.g. {@code US-CA}); its header names the sources and says the values are transcribed and approximate.
 */
public final class CarbonIntensityTable {
    /** Resource holding the table. */
    public static final String RESOURCE = "/io/genaudit/metrics/energy/carbon-intensity.csv";

    private static final java.util.function.Supplier<CarbonIntensityTable> BUNDLED = BundledCsv.parsedOnce(RESOURCE, CarbonIntensityTable::parse);
    /** A header line documenting a source: three spaces, the id, a colon, the description. */
    private static final java.util.regex.Pattern SOURCE_LINE = java.util.regex.Pattern.compile("^\\s{3}([a-z0-9-]+):\\s+(.*)$");

    private final Map<String, CarbonIntensity> rows;
    private final Map<String, String> sources;

    private CarbonIntensityTable(Map<String, CarbonIntensity> rows, Map<String, String> sources) {
        this.rows = rows;
        this.sources = sources;
    }

    /** The table shipped with genaudit. */
    public static CarbonIntensityTable bundled() {
        return BUNDLED.get();
    }

    /** Parses a table in the bundled format (comment header, then CSV with a column line). */
    static CarbonIntensityTable parse(String text) {
        Map<String, CarbonIntensity> rows = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        boolean header = false;
        String lastSource = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.startsWith("#")) {
                    // "#   id:   description" lines document the sources; continuation lines extend the last one
                    String body = line.substring(1);
                    java.util.regex.Matcher m = SOURCE_LINE.matcher(body);
                    if (m.matches()) {
                        lastSource = m.group(1);
                        sources.put(lastSource, m.group(2).trim());
                    } else if (lastSource != null && body.startsWith("     ")) {
                        sources.put(lastSource, sources.get(lastSource) + " " + body.trim());
                    } else {
                        lastSource = null;
                    }
                    continue;
                }
                if (line.isBlank()) continue;
                if (!header) {
                    BundledCsv.requireColumns(RESOURCE, no, line, "code,country_alpha3,country_name,region_name,g_per_kwh,year,source");
                    header = true;
                    continue;
                }
                String[] f = BundledCsv.fields(RESOURCE, no, line, 7);
                String code = f[0].toUpperCase(Locale.ROOT);
                String src = sources.getOrDefault(f[6], f[6]);
                rows.put(code, new CarbonIntensity(code, f[1], f[2], f[3], Double.parseDouble(f[4]),
                        Integer.parseInt(f[5]), f[6] + ": " + src, "table"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!rows.containsKey("WORLD")) throw new IllegalStateException(RESOURCE + ": no WORLD row");
        return new CarbonIntensityTable(Collections.unmodifiableMap(rows), Collections.unmodifiableMap(sources));
    }

    /**
     * The row for {@code code} (case-insensitive; {@code US-CA} and {@code US_CA} both accepted); a sub-region not in
     * the table is not silently widened to its country: callers decide.
     */
    public Optional<CarbonIntensity> find(String code) {
        if (code == null) return Optional.empty();
        return Optional.ofNullable(rows.get(code.trim().toUpperCase(Locale.ROOT).replace('_', '-')));
    }

    /** The world-average row, used when no region is given. */
    public CarbonIntensity worldAverage() {
        CarbonIntensity w = rows.get("WORLD");
        return new CarbonIntensity(w.code(), w.countryAlpha3(), w.countryName(), w.regionName(), w.gramsPerKwh(),
                w.year(), w.source(), "world-average");
    }

    /** Every code in the table, in file order. */
    public List<String> codes() {
        return new ArrayList<>(rows.keySet());
    }

    /** The source descriptions from the header, by id. */
    public Map<String, String> sources() {
        return sources;
    }
}
