import io.genaudit.engine.ComputeDevice;
import io.genaudit.engine.Progress;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.transformer.TextCorpus;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.train.TrainingSettings;
import io.genaudit.engine.lm.transformer.TransformerConfig;
import io.genaudit.engine.lm.transformer.TransformerLanguageModel;
import io.genaudit.engine.lm.transformer.TransformerTrainer;
import io.genaudit.datasets.BuiltInDatasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * GPU benchmark (bench/gpu/run.sh): the built-in small Transformer on the CPU and on cuda:0 — scoring throughput
 * (64 windows of 128 bytes per call), cached greedy generation (256 tokens, batch 1) and training (20 optimizer
 * steps, batch 16 x 128) — with the cuda/cpu ratio and the largest log-probability difference between the devices.
 * Exits 2 with a one-line reason when no CUDA device is usable. Usage: GpuBench [repeats=3]
 */
public class GpuBench {
    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        if (ComputeDevice.cudaDevices() == 0) {
            System.err.println("bench/gpu: no CUDA device visible to the PyTorch engine (build with -Pcuda on a machine with an NVIDIA GPU); nothing measured");
            System.exit(2);
        }
        io.genaudit.engine.TorchThreads.pin();
        Path work = Files.createTempDirectory("genaudit-gpubench");
        Path train = BuiltInDatasets.materialize("markov-train", 0, work.resolve("fixtures"));
        TextCorpus corpus = TextCorpus.read(train);
        List<int[]> windows = new ArrayList<>();
        byte[] b = corpus.bytes();
        for (int w = 0; w < 64; w++) {
            int[] ids = new int[128];
            for (int i = 0; i < 128; i++) ids[i] = b[(w * 128 + i) % b.length] & 0xff;
            windows.add(ids);
        }
        double[][] rates = new double[2][3];
        List<float[]> cpuLogProbs = null;
        String[] devices = {"cpu", "cuda"};
        for (int d = 0; d < 2; d++) {
            ComputeDevice.select(ComputeDevice.parse(devices[d], "bench"), "bench");
            Path dir = work.resolve("small-" + devices[d]);
            long t0 = System.nanoTime();
            new TransformerTrainer(TransformerConfig.small(), new TrainingSettings(0, 1, 16, 3e-3, 20)).train(corpus, new TrainingRun(dir, false, Progress.SILENT));
            rates[d][2] = 20 / ((System.nanoTime() - t0) / 1e9);
            try (TransformerLanguageModel lm = TransformerLanguageModel.load(dir)) {
                lm.nextTokenLogProbs(windows);
                long s0 = System.nanoTime();
                List<float[]> lp = null;
                for (int r = 0; r < repeats; r++) lp = lm.nextTokenLogProbs(windows);
                rates[d][0] = repeats * 64 * 127 / ((System.nanoTime() - s0) / 1e9);
                if (d == 0) cpuLogProbs = lp;
                else {
                    double max = 0;
                    for (int w = 0; w < lp.size(); w++) for (int i = 0; i < lp.get(w).length; i++) max = Math.max(max, Math.abs(lp.get(w)[i] - cpuLogProbs.get(w)[i]));
                    System.out.printf("largest |log p(cuda) - log p(cpu)| over %d scored tokens: %.2e (the cuda model was trained on the GPU: same seed, GPU arithmetic)%n", 64 * 127, max);
                }
                int[] prompt = lm.tokenizer().encode("the ");
                lm.generate(prompt, SamplingSettings.greedy(32), 0);
                long g0 = System.nanoTime();
                for (int r = 0; r < repeats; r++) lm.generate(prompt, SamplingSettings.greedy(256), 0);
                rates[d][1] = repeats * 256 / ((System.nanoTime() - g0) / 1e9);
            }
            System.out.printf("%-5s scoring %10.0f tokens/s | cached greedy generation %8.1f tokens/s | training %6.2f steps/s%n", devices[d], rates[d][0], rates[d][1], rates[d][2]);
        }
        System.out.printf("cuda/cpu: scoring %.2fx, generation %.2fx, training %.2fx (%d visible)%n", rates[1][0] / rates[0][0], rates[1][1] / rates[0][1],
                rates[1][2] / rates[0][2], ComputeDevice.cudaDevices());
    }
}
