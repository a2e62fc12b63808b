package io.genaudit.metrics.energy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external tool (nvidia-smi) either to completion or as a stream of output lines. Injectable so tests can feed
 * recorded nvidia-smi output without a GPU.
 */
public interface CommandLauncher {
    /** Whether {@code program} can be run (found on PATH or an existing executable path). */
    boolean exists(String program);

    /** Runs {@code command} to completion; the output lines, or an IOException on failure or non-zero exit. */
    List<String> run(List<String> command, Duration timeout) throws IOException;

    /** Starts {@code command} and streams its standard output. */
    Streaming stream(List<String> command) throws IOException;

    /** A running command whose output is read line by line; closing it stops the command. */
    interface Streaming extends AutoCloseable {
        BufferedReader output();

        @Override
        void close();

        /** Output read from {@code output}; closing runs {@code onClose}. */
        static Streaming of(BufferedReader output, Runnable onClose) {
            return new Streaming() {
                @Override
                public BufferedReader output() {
                    return output;
                }

                @Override
                public void close() {
                    onClose.run();
                }
            };
        }
    }

    /** Real processes. */
    static CommandLauncher processes() {
        return new CommandLauncher() {
            @Override
            public boolean exists(String program) {
                if (program.contains("/")) return Files.isExecutable(Path.of(program));
                String path = System.getenv("PATH");
                if (path == null) return false;
                for (String dir : path.split(java.io.File.pathSeparator)) {
                    if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
                }
                return false;
            }

            @Override
            public List<String> run(List<String> command, Duration timeout) throws IOException {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                try {
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        p.destroyForcibly();
                        throw new IOException(command.get(0) + " did not finish within " + timeout);
                    }
                    if (p.exitValue() != 0) throw new IOException(command.get(0) + " exited with " + p.exitValue() + ": " + out.strip());
                    return out.lines().toList();
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while running " + command.get(0), e);
                }
            }

            @Override
            public Streaming stream(List<String> command) throws IOException {
                Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                return Streaming.of(r, () -> {
                    p.destroy();
                    try {
                        if (!p.waitFor(2, TimeUnit.SECONDS)) p.destroyForcibly();
                    } catch (InterruptedException e) {
                        p.destroyForcibly();
                        Thread.currentThread().interrupt();
                    }
                });
            }
        };
    }
}
