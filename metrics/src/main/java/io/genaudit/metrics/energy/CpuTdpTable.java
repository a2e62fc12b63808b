package io.genaudit.metrics.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bundled table of CPU TDPs (manufacturer specifications, transcribed) and the rule that turns a CPU model string
 * into a {@link CpuPower}: the longest table model contained in the normalised string wins; otherwise CodeCarbon's
 * fallback ladder (4 W per hardware thread for a named but unlisted CPU, 85 W when no model is known).
 */
public final class CpuTdpTable {
    /** Resource holding the table. */
    public static final String RESOURCE = "/io/genaudit/metrics/energy/cpu-tdp.csv";
    /** CodeCarbon core/cpu.py DEFAULT_POWER_PER_CORE: watts per hardware thread for a CPU missing from its registry. */
    public static final double DEFAULT_WATTS_PER_THREAD = 4.0;
    /** CodeCarbon external/hardware.py POWER_CONSTANT: TDP assumed when the CPU model is not known at all. */
    public static final double DEFAULT_TDP_WATTS = 85.0;

    private static final java.util.function.Supplier<CpuTdpTable> BUNDLED = BundledCsv.parsedOnce(RESOURCE, CpuTdpTable::parse);
    private static final Pattern CLOCK = Pattern.compile("@.*$");
    private static final Pattern N_CORE = Pattern.compile("\\b\\d+-core\\b");

    /** One row: a model key (normalised), its TDP and thread count. */
    record Row(String model, String key, double tdpWatts, int cores, int threads) {
    }

    private final List<Row> rows;

    private CpuTdpTable(List<Row> rows) {
        this.rows = rows;
    }

    /** The table shipped with genaudit. */
    public static CpuTdpTable bundled() {
        return BUNDLED.get();
    }

    static CpuTdpTable parse(String text) {
        List<Row> rows = new ArrayList<>();
        boolean header = false;
        int no = 0;
        for (String line : text.split("\n")) {
            no++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (!header) {
                BundledCsv.requireColumns(RESOURCE, no, line, "model,tdp_watts,cores,threads");
                header = true;
                continue;
            }
            String[] f = BundledCsv.fields(RESOURCE, no, line, 4);
            rows.add(new Row(f[0], normalise(f[0]), Double.parseDouble(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])));
        }
        return new CpuTdpTable(List.copyOf(rows));
    }

    /** Lower case, trademarks, "CPU", "Processor", "N-Core" and the clock suffix removed, spaces collapsed. */
    static String normalise(String model) {
        String s = model.toLowerCase(Locale.ROOT).replace("(r)", " ").replace("(tm)", " ").replace("®", " ").replace("™", " ");
        s = CLOCK.matcher(s).replaceAll(" ");
        s = N_CORE.matcher(s).replaceAll(" ");
        s = s.replaceAll("\\bcpu\\b", " ").replaceAll("\\bprocessor\\b", " ");
        return s.replaceAll("\\s+", " ").strip();
    }

    /** The table row whose model is the longest one contained (as whole words) in {@code cpuModel}. */
    Optional<Row> match(String cpuModel) {
        if (cpuModel == null || cpuModel.isBlank()) return Optional.empty();
        String s = " " + normalise(cpuModel) + " ";
        Row best = null;
        for (Row r : rows) {
            int i = s.indexOf(r.key());
            while (i >= 0) {
                char before = s.charAt(i - 1 < 0 ? 0 : i - 1);
                int end = i + r.key().length();
                char after = end < s.length() ? s.charAt(end) : ' ';
                if (!Character.isLetterOrDigit(before) && !Character.isLetterOrDigit(after) && after != '+') {
                    if (best == null || r.key().length() > best.key().length()) best = r;
                    break;
                }
                i = s.indexOf(r.key(), i + 1);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The power figures for {@code cpuModel}. {@code tdpOverride} (watts, may be null) replaces the TDP but keeps the
     * matched thread count; {@code logicalCpus} is what the OS reports, used when the model is unknown.
     */
    public CpuPower powerFor(String cpuModel, Double tdpOverride, int logicalCpus) {
        Optional<Row> row = match(cpuModel);
        String model = cpuModel == null || cpuModel.isBlank() ? "unknown" : cpuModel.strip();
        int threads = row.map(Row::threads).orElse(Math.max(1, logicalCpus));
        if (tdpOverride != null) {
            return new CpuPower(model, tdpOverride, threads, "user override (energy.cpuTdpWatts), shared by " + threads
                    + (row.isPresent() ? " threads of " + row.get().model() : " logical CPUs reported by the OS"),
                    true, CpuPower.MATCHED_LOW, CpuPower.MATCHED_HIGH);
        }
        if (row.isPresent()) {
            Row r = row.get();
            return new CpuPower(model, r.tdpWatts(), r.threads(), "bundled TDP table (manufacturer specification, transcribed): "
                    + r.model() + ", " + r.cores() + " cores / " + r.threads() + " threads", true,
                    CpuPower.MATCHED_LOW, CpuPower.MATCHED_HIGH);
        }
        if (!model.equals("unknown")) {
            return new CpuPower(model, DEFAULT_WATTS_PER_THREAD * threads, threads, "model not in the bundled TDP table: "
                    + DEFAULT_WATTS_PER_THREAD + " W per hardware thread x " + threads
                    + " logical CPUs (CodeCarbon DEFAULT_POWER_PER_CORE)", false, CpuPower.UNKNOWN_LOW, CpuPower.UNKNOWN_HIGH);
        }
        return new CpuPower(model, DEFAULT_TDP_WATTS, threads, "CPU model unknown: " + DEFAULT_TDP_WATTS
                + " W default TDP (CodeCarbon POWER_CONSTANT) shared by " + threads + " logical CPUs", false,
                CpuPower.UNKNOWN_LOW, CpuPower.UNKNOWN_HIGH);
    }

    /** How many rows the table has. */
    public int size() {
        return rows.size();
    }
}
