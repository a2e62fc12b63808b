package io.genaudit.metrics.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Builds the best energy meter this machine allows: RAPL counters when readable (CPU packages, DRAM where present),
 * NVML through nvidia-smi when a GPU is listed, and the {@code estimated-tdp} method (CPU time x TDP per thread plus
 * the RAM model) otherwise. Every choice and every reason for a fallback is written into the meter's assumptions.
 */
public final class EnergyMeters {
    private EnergyMeters() {
    }

    /** The best meter on this machine for {@code settings}. */
    public static CompositeEnergyMeter detect(EnergySettings settings) {
        return detect(settings, EnergyEnvironment.system());
    }

    /** The best meter in {@code env} for {@code settings}. */
    public static CompositeEnergyMeter detect(EnergySettings settings, EnergyEnvironment env) {
        List<String> notes = new ArrayList<>();
        CarbonIntensity intensity = settings.intensity(CarbonIntensityTable.bundled());
        if (intensity.basis().equals("world-average")) {
            notes.add("no energy.region given: emissions use the world-average intensity (" + intensity.gramsPerKwh()
                    + " g/kWh); set energy: {region: XX} for your grid");
        }
        String cpuModel = env.proc().cpuModel();
        CpuPower cpu = CpuTdpTable.bundled().powerFor(cpuModel, settings.cpuTdpWatts(), env.logicalCpus());
        TdpCpuEstimate tdp = new TdpCpuEstimate(cpu);
        OptionalDouble memTotal = env.proc().memTotalGb();

        List<EnergyComponent> components = new ArrayList<>();
        RaplProbe rapl = RaplProbe.of(env.powercapRoot(), env.sysfs());
        notes.add(rapl.note());
        String trackingMode;
        String ramMemory;
        if (rapl.available()) {
            trackingMode = "machine";
            MemorySource machineMemory = MemorySource.machine(env.proc());
            RamPowerModel ram = new RamPowerModel(machineMemory, env.ticker(), env.nanos());
            RaplComponent r = new RaplComponent(rapl, env.sysfs(), env.ticker(), tdp, ram);
            components.add(r);
            ramMemory = r.measuresDram() ? "measured by the RAPL DRAM domain (whole machine)"
                    : machineMemory.describe() + " x " + RamPowerModel.WATTS_PER_GB + " W/GB";
        } else {
            trackingMode = "process";
            components.add(tdp);
            components.add(new RamPowerModel(env.processMemory(), env.ticker(), env.nanos()));
            ramMemory = env.processMemory().describe() + " x " + RamPowerModel.WATTS_PER_GB + " W/GB";
        }

        NvidiaSmi smi = new NvidiaSmi(env.nvidiaSmi(), env.launcher(), env.zone());
        Optional<List<NvidiaSmi.Gpu>> gpus = smi.gpus();
        String gpuStatus;
        int gpuCount = 0;
        String gpuModel = "";
        if (gpus.isPresent()) {
            NvidiaGpuComponent g = new NvidiaGpuComponent(smi, gpus.get(), settings.gpuSampleMillis(), env.clock());
            components.add(g);
            gpuCount = gpus.get().size();
            gpuModel = g.modelSummary();
            gpuStatus = "measured-nvml: nvidia-smi power.draw sampled every " + settings.gpuSampleMillis()
                    + " ms and integrated (trapezoid); " + gpuModel;
        } else {
            gpuStatus = env.launcher().exists(env.nvidiaSmi()) ? "nvidia-smi found but lists no usable GPU: GPU energy not counted"
                    : "no nvidia-smi on PATH: GPU energy not counted (no NVIDIA GPU, or its driver tools are not installed)";
        }
        notes.add(gpuStatus);

        String method;
        if (rapl.available()) {
            method = "CPU: measured with RAPL package counters (whole package, every process). RAM: "
                    + ramMemory + ". ";
        } else {
            method = "CPU: estimated-tdp, process CPU seconds x " + String.format(java.util.Locale.ROOT, "%.3f", cpu.wattsPerThread())
                    + " W per busy hardware thread (TDP " + cpu.tdpWatts() + " W / " + cpu.threads() + " threads; "
                    + cpu.source() + "). RAM: " + ramMemory + ". ";
        }
        method += gpus.isPresent() ? "GPU: measured with NVML (nvidia-smi)." : "GPU: none counted.";
        String pueSource = settings.pue() == EnergySettings.DEFAULT_PUE
                ? "default 1.0 (CodeCarbon's default: IT equipment energy only, no facility overhead)"
                : "user setting (plan energy.pue or --pue)";
        EnergyAssumptions a = new EnergyAssumptions(method, trackingMode, settings.pue(), pueSource, intensity, cpu,
                ramMemory, rapl.status() + ": " + rapl.note(), gpuStatus, gpuCount, gpuModel,
                memTotal.isPresent() ? memTotal.getAsDouble() : null, notes, settings.wue(),
                settings.wue() == EnergySettings.DEFAULT_WUE ? "default 0 L/kWh (CodeCarbon's default: water not counted; set energy.wue)"
                        : "user setting (plan energy.wue): estimated-wue, " + settings.wue() + " L/kWh");
        return new CompositeEnergyMeter(components, intensity, settings.pue(), a);
    }
}
