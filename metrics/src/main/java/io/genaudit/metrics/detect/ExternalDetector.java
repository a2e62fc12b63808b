package io.genaudit.metrics.detect;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.genaudit.engine.InputException;
import io.genaudit.engine.ModelContractException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.image.Images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A user's detector network loaded with DJL (TorchScript on the PyTorch engine, or ONNX on ONNX Runtime). Contract:
 * input images float32 [B,3,H,W] in [0,1] (grey images are repeated to 3 channels); output [B,1] (a score or logit,
 * higher = generated) or [B,2] (class logits, index 1 = generated, turned into P(generated) by softmax).
 */
public final class ExternalDetector implements ImageDetector {
    private final Path file;
    private final String engine;
    private final ZooModel<NDList, NDList> model;

    private ExternalDetector(Path file, String engine, ZooModel<NDList, NDList> model) {
        this.file = file;
        this.engine = engine;
        this.model = model;
    }

    public static ExternalDetector load(Path file) {
        if (!Files.isRegularFile(file)) throw new InputException(file, "detector file not found");
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String engine = n.endsWith(".onnx") ? "OnnxRuntime" : "PyTorch";
        Criteria<NDList, NDList> c = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(file.toAbsolutePath()).optEngine(engine).optTranslator(new NoopTranslator()).build();
        try {
            return new ExternalDetector(file, engine, c.loadModel());
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new InputException(String.valueOf(file), "cannot load as a " + (engine.equals("PyTorch") ? "TorchScript" : "ONNX") + " detector: " + e.getMessage(), e);
        }
    }

    @Override
    public double[] score(ImageSource source, Perturbation perturbation, long seed, int batchSize, Progress progress) {
        List<Double> out = new ArrayList<>();
        Iterator<Images> it = source.batches(batchSize);
        long k = 0;
        try (Predictor<NDList, NDList> p = model.newPredictor()) {
            while (it.hasNext()) {
                Images b = it.next();
                if (perturbation != null) b = perturbation.apply(b, Perturbation.batchSeed(seed, k++));
                for (double s : scoreBatch(p, b)) out.add(s);
                progress.step(b.n());
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private double[] scoreBatch(Predictor<NDList, NDList> p, Images b) {
        float[] data = b.data();
        if (b.channels() == 1) {
            int plane = b.height() * b.width();
            data = new float[b.n() * 3 * plane];
            for (int i = 0; i < b.n(); i++) {
                for (int c = 0; c < 3; c++) System.arraycopy(b.data(), i * plane, data, (i * 3 + c) * plane, plane);
            }
        } else if (b.channels() != 3) {
            throw new ModelContractException(file.toString(), "images with 1 or 3 channels", b.channels() + " channels");
        }
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray x = m.create(data, new Shape(b.n(), 3, b.height(), b.width()));
            NDList res;
            try {
                res = p.predict(new NDList(x));
            } catch (TranslateException e) {
                throw new ModelContractException(file.toString(), "a detector taking [B,3,H,W] float32 in [0,1]", "an error: " + e.getMessage());
            }
            NDArray y = res.singletonOrThrow();
            Shape s = y.getShape();
            if (s.dimension() != 2 || s.get(0) != b.n() || (s.get(1) != 1 && s.get(1) != 2)) {
                throw new ModelContractException(file.toString(), "output [" + b.n() + ",1] or [" + b.n() + ",2]", "output " + s);
            }
            float[] v = y.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
            double[] out = new double[b.n()];
            for (int i = 0; i < b.n(); i++) {
                if (s.get(1) == 1) {
                    out[i] = v[i];
                } else {
                    double a0 = v[2 * i], a1 = v[2 * i + 1], mx = Math.max(a0, a1);
                    double e0 = Math.exp(a0 - mx), e1 = Math.exp(a1 - mx);
                    out[i] = e1 / (e0 + e1);
                }
                if (!Double.isFinite(out[i])) throw new ModelContractException(file.toString(), "finite scores", "score " + out[i] + " for image " + i);
            }
            return out;
        }
    }

    @Override
    public String describe() {
        return (engine.equals("PyTorch") ? "TorchScript" : "ONNX") + " detector " + file.getFileName();
    }

    @Override
    public Map<String, Object> provenance() {
        return Map.of("file", file.toAbsolutePath().toString(), "engine", engine);
    }

    @Override
    public void close() {
        model.close();
    }
}
