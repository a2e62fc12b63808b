package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.metrics.energy.EnergyEnvironment;
import io.genaudit.metrics.energy.EnergyReading;
import io.genaudit.metrics.energy.EnergySettings;
import io.genaudit.metrics.energy.MeasuredCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code genaudit energy -- COMMAND...}: runs any command as a child process, measures its energy (RAPL/NVML where the
 * hardware allows, otherwise the TDP estimate from the command's CPU time) and emissions, prints a summary on standard
 * error and exits with the command's exit code.
 */
@Command(name = "energy", mixinStandardHelpOptions = true,
        description = {"Measure (or, without counters, estimate) the energy and emissions of any command.",
                "Put the command after '--', e.g.: genaudit energy --region DE -- python train.py",
                "Exits with the command's exit code; the summary goes to standard error."})
public final class EnergyCommand implements GenauditSubcommand, Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--region", paramLabel = "CODE",
            description = "Grid region: ISO 3166-1 alpha-2 (DE, FR, US) or a bundled sub-region (US-CA, CA-QC, AU-NSW). "
                    + "Default: the world average.")
    String region;

    @Option(names = "--grams-per-kwh", paramLabel = "G", description = "Carbon intensity override in gCO2e/kWh.")
    Double gramsPerKwh;

    @Option(names = "--pue", paramLabel = "P", description = "Power usage effectiveness of the facility (default: ${DEFAULT-VALUE}, IT energy only).",
            defaultValue = "1.0")
    double pue;

    @Option(names = "--cpu-tdp", paramLabel = "W", description = "CPU TDP in watts, overriding the bundled table.")
    Double cpuTdp;

    @Mixin
    JsonOutputOption json;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments (after '--').")
    List<String> command;

    @Override
    public Integer call() throws Exception {
        EnergySettings settings;
        try {
            settings = new EnergySettings(region, gramsPerKwh, pue, cpuTdp, EnergySettings.DEFAULT_GPU_SAMPLE_MILLIS);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            String option = msg.startsWith("energy.region") ? "--region" : msg.startsWith("energy.pue") ? "--pue"
                    : msg.startsWith("energy.gramsPerKwh") ? "--grams-per-kwh" : msg.startsWith("energy.cpuTdpWatts") ? "--cpu-tdp" : "energy";
            throw new InputException(option, msg.substring(msg.indexOf(':') + 1).strip());
        }
        MeasuredCommand.Result r;
        try {
            r = MeasuredCommand.run(command, settings, EnergyEnvironment.system());
        } catch (IOException e) {
            throw new InputException(command.get(0), "cannot run the command: " + e.getMessage());
        }
        print(spec.commandLine().getErr(), r);
        json.write(asMap(r));
        return r.exitCode();
    }

    static void print(PrintWriter out, MeasuredCommand.Result r) {
        EnergyReading e = r.reading();
        Map<String, Object> a = r.assumptions().asMap();
        out.printf(Locale.ROOT, "genaudit energy: '%s' exited with %d after %.3f s wall, %.3f s CPU%n",
                String.join(" ", r.command()), r.exitCode(), r.wallSeconds(), r.cpuSeconds());
        out.printf(Locale.ROOT, "  energy     %.4g J = %.4g kWh (range %.4g to %.4g J) [%s]%n",
                e.joules(), e.joules() / 3.6e6, e.joulesLow(), e.joulesHigh(), e.method());
        out.printf(Locale.ROOT, "  emissions  %.4g g CO2e (range %.4g to %.4g g) at %s g/kWh (%s, %s), PUE %s%n",
                e.gramsCo2e(), e.gramsCo2eLow(), e.gramsCo2eHigh(), a.get("gramsPerKwh"), a.get("region"),
                a.get("intensityBasis"), a.get("pue"));
        out.println("  method     " + a.get("method"));
        out.println("  CPU time   " + r.cpuTimeSource());
        if (a.get("notes") instanceof List<?> notes) for (Object n : notes) out.println("  note       " + n);
        out.flush();
    }

    static Map<String, Object> asMap(MeasuredCommand.Result r) {
        EnergyReading e = r.reading();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", r.command());
        m.put("exitCode", r.exitCode());
        m.put("wallSeconds", r.wallSeconds());
        m.put("cpuSeconds", r.cpuSeconds());
        m.put("cpuTimeSource", r.cpuTimeSource());
        m.put("method", e.method());
        m.put("joules", e.joules());
        m.put("joulesLow", e.joulesLow());
        m.put("joulesHigh", e.joulesHigh());
        m.put("kwh", e.joules() / 3.6e6);
        m.put("gramsCo2e", e.gramsCo2e());
        m.put("gramsCo2eLow", e.gramsCo2eLow());
        m.put("gramsCo2eHigh", e.gramsCo2eHigh());
        m.put("raw", e.raw());
        m.put("assumptions", r.assumptions().asMap());
        return m;
    }
}
