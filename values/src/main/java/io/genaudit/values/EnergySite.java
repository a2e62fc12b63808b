package io.genaudit.values;

import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * The assumptions about where and on what a run's energy was spent that the reports and model cards read back:
 * tracking mode, PUE and WUE, grid intensity and location, RAM size and GPUs. The metrics module's energy assumptions
 * write them with {@link #putInto} into the run record's {@code provenance.energyAssumptions} (beside sources and
 * notes meant for people); {@link #from} reads them back, so the keys live here only and run.json keeps its layout.
 *
 * @param trackingMode CodeCarbon's tracking mode ({@code process} or {@code machine}), or null
 * @param pue          power usage effectiveness (1.0 when not stated)
 * @param wue          water usage effectiveness, L/kWh (0, CodeCarbon's default, when not stated)
 * @param gramsPerKwh  grid carbon intensity, gCO2e/kWh, or null
 * @param region       the intensity table's region code, or null
 * @param countryName  country name, or null
 * @param countryIso3  ISO 3166 alpha-3 code, or null
 * @param regionName   region within the country, or null
 * @param ramTotalGb   installed RAM, GB, or null
 * @param gpuCount     GPUs metered (0 when none)
 * @param gpuModel     GPU model text, or null
 */
public record EnergySite(String trackingMode, double pue, double wue, Double gramsPerKwh, String region,
                         String countryName, String countryIso3, String regionName, Double ramTotalGb, int gpuCount,
                         String gpuModel) {

    /** Writes the fields under their run-record keys, which are the component names, in declaration order. */
    public void putInto(Map<String, Object> m) {
        for (RecordComponent c : EnergySite.class.getRecordComponents()) {
            try {
                m.put(c.getName(), c.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
        }
    }

    /** The fields of a run record's {@code energyAssumptions} (absent or unreadable: the defaults above). */
    public static EnergySite from(Map<String, ?> m) {
        if (m == null) m = Map.of();
        Double pue = EnergyFigures.number(m.get("pue"));
        Double wue = EnergyFigures.number(m.get("wue"));
        Double gpus = EnergyFigures.number(m.get("gpuCount"));
        return new EnergySite(text(m.get("trackingMode")), pue == null ? 1.0 : pue, wue == null ? 0.0 : wue,
                EnergyFigures.number(m.get("gramsPerKwh")), text(m.get("region")), text(m.get("countryName")),
                text(m.get("countryIso3")), text(m.get("regionName")), EnergyFigures.number(m.get("ramTotalGb")),
                gpus == null ? 0 : gpus.intValue(), text(m.get("gpuModel")));
    }

    private static String text(Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString();
    }
}
