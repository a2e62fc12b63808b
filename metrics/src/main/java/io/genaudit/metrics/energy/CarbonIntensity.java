package io.genaudit.metrics.energy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The carbon intensity used to turn energy into emissions, with where the number came from: a table row (region,
 * source, year), a user override, or the world average when no region was given.
 *
 * @param code          ISO 3166-1 alpha-2 (or ISO 3166-2 sub-region) code, {@code WORLD} for the world average
 * @param countryAlpha3 ISO 3166-1 alpha-3 code (what CodeCarbon's {@code country_iso_code} holds), empty for WORLD
 * @param regionName    sub-region name, empty for a whole country
 * @param basis         {@code table}, {@code override} or {@code world-average}
 */
public record CarbonIntensity(String code, String countryAlpha3, String countryName, String regionName,
                              double gramsPerKwh, int year, String source, String basis) {
    /** Emissions in grams CO2e of {@code joules} of IT energy at this intensity and the given PUE. */
    public double grams(double joules, double pue) {
        return joules / 3.6e6 * pue * gramsPerKwh;
    }

    /** The same region with a user-given intensity. */
    public CarbonIntensity overriddenBy(double gramsPerKwh) {
        return new CarbonIntensity(code, countryAlpha3, countryName, regionName, gramsPerKwh, 0,
                "user override (plan energy.gramsPerKwh or --grams-per-kwh)", "override");
    }

    /** Plain values for the run record. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gramsPerKwh", gramsPerKwh);
        m.put("region", code);
        m.put("countryName", countryName);
        m.put("countryIso3", countryAlpha3);
        m.put("regionName", regionName);
        m.put("year", year == 0 ? null : year);
        m.put("source", source);
        m.put("basis", basis);
        return m;
    }
}
