package io.genaudit.engine.image.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import io.genaudit.engine.ComputeDevice;
import io.genaudit.engine.TorchThreads;

/**
 * What genaudit's own DJL networks (the DCGAN, the VAE, the shapes CNN) share: the engine memory their blocks live
 * in, the parameter store they run with, their seeded block initialisation, and their one-line description, which
 * training or loading replaces. Closing the model frees the engine memory.
 */
public abstract class NetworkModel implements AutoCloseable {
    protected final NDManager manager;
    protected final ParameterStore store;
    private String description;

    /** Pins the engine threads and opens the engine memory; {@code description} says what the untrained model is. */
    protected NetworkModel(String description) {
        TorchThreads.pin(); // one intra-op thread, libtorch buffers kept for reuse
        this.manager = NDManager.newBaseManager(ComputeDevice.current().djl());
        this.store = new ParameterStore(manager, false);
        this.description = description;
    }

    /** Gives {@code block} the seeded weight initializer {@code weights} and initialises it for float inputs of {@code inputShape}. */
    protected final void initialize(Block block, Initializer weights, Shape inputShape) {
        block.setInitializer(weights, Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, inputShape);
    }

    /** The engine memory the networks live in (for trainers and weight loading). */
    public NDManager manager() {
        return manager;
    }

    /** The parameter store the networks run with (for trainers). */
    public ParameterStore parameterStore() {
        return store;
    }

    /** Replaces the description (after training or loading). */
    public void setDescription(String description) {
        this.description = description;
    }

    public String describe() {
        return description;
    }

    @Override
    public void close() {
        manager.close();
    }
}
