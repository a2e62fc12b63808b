package io.genaudit.audits.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What machine a run happened on: CPU model (from /proc/cpuinfo), core count, JVM and OS, for the provenance. */
public record MachineInfo(String cpuModel, int cores, String jvm, String os) {
    public static MachineInfo current() {
        String cpu = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            cpu = System.getProperty("os.arch");
        }
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        return new MachineInfo(cpu, Runtime.getRuntime().availableProcessors(), jvm, os);
    }
}
