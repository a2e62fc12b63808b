package io.genaudit.metrics.energy;

import java.util.OptionalDouble;

/**
 * Memory in use, in GB, sampled during a phase for the RAM power model: this JVM's resident set (process scope), a
 * child process tree's resident sets (the {@code energy} command), or the machine's used memory (machine scope).
 */
public interface MemorySource {
    /** Memory in use now in GB, or empty when it cannot be read. */
    OptionalDouble gb();

    /** What is sampled, in plain words. */
    String describe();

    /** This JVM's VmRSS. */
    static MemorySource thisProcess(ProcFs proc) {
        return new MemorySource() {
            @Override
            public OptionalDouble gb() {
                return proc.rssGb("self");
            }

            @Override
            public String describe() {
                return "resident memory (VmRSS) of the genaudit JVM";
            }
        };
    }

    /** MemTotal minus MemAvailable of the whole machine. */
    static MemorySource machine(ProcFs proc) {
        return new MemorySource() {
            @Override
            public OptionalDouble gb() {
                return proc.memUsedGb();
            }

            @Override
            public String describe() {
                return "memory in use by the whole machine (MemTotal - MemAvailable)";
            }
        };
    }

    /** The summed VmRSS of {@code root} and its live descendants. */
    static MemorySource processTree(ProcFs proc, ProcessHandle root) {
        return new MemorySource() {
            @Override
            public OptionalDouble gb() {
                double sum = 0;
                boolean any = false;
                OptionalDouble r = proc.rssGb(Long.toString(root.pid()));
                if (r.isPresent()) {
                    sum += r.getAsDouble();
                    any = true;
                }
                for (ProcessHandle d : (Iterable<ProcessHandle>) root.descendants()::iterator) {
                    OptionalDouble x = proc.rssGb(Long.toString(d.pid()));
                    if (x.isPresent()) {
                        sum += x.getAsDouble();
                        any = true;
                    }
                }
                return any ? OptionalDouble.of(sum) : OptionalDouble.empty();
            }

            @Override
            public String describe() {
                return "summed resident memory (VmRSS) of the measured command and its descendants";
            }
        };
    }
}
