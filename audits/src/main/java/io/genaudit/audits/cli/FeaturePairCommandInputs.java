package io.genaudit.audits.cli;

import io.genaudit.audits.metric.InputFeed;
import io.genaudit.audits.modules.DescribedFeed;
import io.genaudit.engine.io.NpzWriter;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.FeatureBatches;
import io.genaudit.metrics.fidelity.FeatureSet;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command-line inputs of the two-sample fidelity metrics ({@code fid}, {@code kid}, {@code prdc}): {@code --real} and
 * {@code --fake} (image folder, {@code .npy} features or pytorch-fid {@code .npz} statistics), the extractor for
 * folders, and pytorch-fid-compatible statistics files of either side.
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
        FeatureSet real = in.load(in.real, true);
        if (saveStats != null) NpzWriter.writeStats(saveStats, real.mean(), real.covariance());
        if (in.fake == null && saveStats != null) {
            System.out.printf(Locale.ROOT, "saved statistics of %s (D=%d, n=%d) to %s%n", in.real, real.dim(), real.count(), saveStats);
            return null;
        }
        FeatureSet fake = in.load(in.requireFake(), true);
        FidelityInputOptions.checkSameDimension(real, fake);
        if (saveFakeStats != null) NpzWriter.writeStats(saveFakeStats, fake.mean(), fake.covariance());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("real", real.description());
        settings.put("fake", fake.description());
        in.network.addSettings(settings);
        return DescribedFeed.of(in.fake.toString(), in.real.toString(), settings, List.of(), sink -> {
            FeatureBatches.send(FeatureBatch.Side.REAL, real, sink);
            FeatureBatches.send(FeatureBatch.Side.FAKE, fake, sink);
        });
    }
}
