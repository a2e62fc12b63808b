package io.genaudit.audits.cli;

import io.genaudit.audits.metric.InputFeed;
import io.genaudit.audits.modules.DescribedFeed;
import io.genaudit.engine.io.NpzWriter;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.FeaturePairState;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Command-line inputs of the two-sample fidelity metrics ({@code fid}, {@code kid}, {@code prdc}): {@code --real} and
 * {@code --fake} (image folder, {@code .npy} features or pytorch-fid {@code .npz} statistics), the extractor for
 * folders, and pytorch-fid-compatible statistics files of either side. Folders are streamed batch by batch into the
 * metric's state (FID without bootstrap or FID∞ keeps only moments).
 */
public final class FeaturePairCommandInputs implements CommandInputs<FeatureBatch> {
    @Mixin
    FidelityInputOptions in;

    @Option(names = "--save-stats", paramLabel = "OUT.npz", description = "Save the real set's statistics (mu, sigma) as a pytorch-fid .npz.")
    Path saveStats;

    @Option(names = "--save-fake-stats", paramLabel = "OUT.npz", description = "Save the generated set's statistics as a pytorch-fid .npz.")
    Path saveFakeStats;

    @Override
    public InputFeed<FeatureBatch> open() throws Exception {
        if (in.fake == null && saveStats != null) {
            FeaturePairState seen = new FeaturePairState(false);
            in.send(FeatureBatch.Side.REAL, in.real, seen::add);
            saveStats(seen.real(), saveStats);
            System.out.printf(Locale.ROOT, "saved statistics of %s (D=%d, n=%d) to %s%n", in.real, seen.real().dim(), seen.real().count(), saveStats);
            return null;
        }
        Path fake = in.requireFake();
        Map<String, Object> settings = new LinkedHashMap<>();
        return DescribedFeed.of(fake.toString(), in.real.toString(), settings, List.of(), sink -> {
            // both sides streamed; their moments are collected on the way only when a statistics file is asked for
            FeaturePairState seen = saveStats != null || saveFakeStats != null ? new FeaturePairState(false) : null;
            Consumer<FeatureBatch> both = seen == null ? sink::accept : b -> {
                seen.add(b);
                sink.accept(b);
            };
            settings.put("real", in.send(FeatureBatch.Side.REAL, in.real, both).description());
            settings.put("fake", in.send(FeatureBatch.Side.FAKE, fake, both).description());
            in.network.addSettings(settings);
            if (saveStats != null) saveStats(seen.real(), saveStats);
            if (saveFakeStats != null) saveStats(seen.fake(), saveFakeStats);
        });
    }

    private static void saveStats(FeaturePairState.SideState side, Path out) throws java.io.IOException {
        NpzWriter.writeStats(out, side.mean(), side.covariance());
    }
}
