package io.genaudit.engine.lm;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;

/**
 * The one ONNX Runtime environment of the process. DJL's ONNX Runtime engine (used for image models) creates it with
 * a global thread pool and fails if one exists already, so it is always created through DJL first, and genaudit's own
 * ONNX sessions share it.
 */
public final class OrtEnvironments {
    private OrtEnvironments() {
    }

    public static synchronized OrtEnvironment get() {
        Engine.getEngine("OnnxRuntime");
        return OrtEnvironment.getEnvironment();
    }
}
