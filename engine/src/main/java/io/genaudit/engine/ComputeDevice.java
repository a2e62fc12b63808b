package io.genaudit.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Where the PyTorch engine runs genaudit's built-in and TorchScript models: {@code cpu} (the default) or
 * {@code cuda[:N]}. One device per process, chosen before any model is loaded ({@code --device}, plan
 * {@code device:}); models ask {@link #current()} instead of DJL's default device, which would silently move to the
 * GPU whenever CUDA natives are on the class path. ONNX models always run on ONNX Runtime's CPU provider.
 */
public record ComputeDevice(String type, int index) {
    private static volatile ComputeDevice current = new ComputeDevice("cpu", -1);

    /** Parses {@code cpu}, {@code cuda} or {@code cuda:N}; {@code source} (an option or plan field) names it in errors. */
    public static ComputeDevice parse(String text, String source) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("cpu")) return new ComputeDevice("cpu", -1);
        if (t.equals("cuda") || t.equals("gpu")) return new ComputeDevice("cuda", 0);
        if (t.matches("(cuda|gpu):\\d{1,3}")) return new ComputeDevice("cuda", Integer.parseInt(t.substring(t.indexOf(':') + 1)));
        throw new InputException(source, "device must be cpu, cuda or cuda:N, got '" + text + "'");
    }

    /** The device models load on now (cpu unless {@link #select} chose another). */
    public static ComputeDevice current() {
        return current;
    }

    /**
     * Makes {@code device} the process's device after checking the PyTorch engine can use it; an
     * {@link InputException} (exit 2) says why not, e.g. when cuda is requested but this build has only CPU natives
     * or the machine has no GPU.
     */
    public static void select(ComputeDevice device, String source) {
        if (device.isCuda()) {
            int gpus = cudaDevices();
            if (gpus <= device.index()) {
                throw new InputException(source, device + " requested but the PyTorch engine sees " + gpus + " CUDA device(s)"
                        + (gpus == 0 ? " (no GPU, no CUDA driver, or a build with CPU natives: build with ./mvnw -Pcuda)" : ""));
            }
        }
        current = device;
    }

    /** CUDA devices the PyTorch engine can use (0 without a GPU or with the CPU natives). */
    public static int cudaDevices() {
        try {
            return Engine.getEngine("PyTorch").getGpuCount();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return 0;
        }
    }

    public boolean isCuda() {
        return type.equals("cuda");
    }

    /** The DJL device. */
    public Device djl() {
        return isCuda() ? Device.gpu(index) : Device.cpu();
    }

    @Override
    public String toString() {
        return isCuda() ? "cuda:" + index : "cpu";
    }
}
