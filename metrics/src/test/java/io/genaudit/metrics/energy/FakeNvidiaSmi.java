package io.genaudit.metrics.energy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A CommandLauncher that answers like nvidia-smi from recorded lines, for tests without a GPU. */
class FakeNvidiaSmi implements CommandLauncher {
    final List<String> listing;
    final List<String> stream;
    final List<List<String>> commands = new ArrayList<>();
    boolean closed;

    FakeNvidiaSmi(List<String> listing, List<String> stream) {
        this.listing = listing;
        this.stream = stream;
    }

    @Override
    public boolean exists(String program) {
        return program.equals("nvidia-smi");
    }

    @Override
    public List<String> run(List<String> command, Duration timeout) throws IOException {
        commands.add(command);
        if (listing == null) throw new IOException("nvidia-smi exited with 9: NVIDIA-SMI has failed");
        return listing;
    }

    @Override
    public Streaming stream(List<String> command) {
        commands.add(command);
        BufferedReader r = new BufferedReader(new StringReader(String.join("\n", stream) + "\n"));
        return Streaming.of(r, () -> closed = true);
    }
}
