package io.genaudit.engine.image.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.genaudit.engine.InputException;
import io.genaudit.engine.io.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Saves and loads a block's parameters (including batch-norm running statistics) atomically. */
public final class BlockFiles {
    private BlockFiles() {
    }

    public static void save(Block block, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out));
            block.saveParameters(d);
            d.flush();
        });
    }

    /** Loads parameters into an initialised block of the same architecture, re-enabling gradients for training. */
    public static void load(Block block, NDManager manager, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            load(block, manager, in, String.valueOf(file));
        }
    }

    /** Loads parameters from a stream ({@code what} names its source in errors), re-enabling gradients for training. */
    public static void load(Block block, NDManager manager, DataInputStream in, String what) throws IOException {
        try {
            block.loadParameters(manager, in);
        } catch (MalformedModelException | RuntimeException e) {
            throw new InputException(what, "parameters do not fit the architecture in model.json: " + e.getMessage(), e);
        } catch (java.io.EOFException e) {
            throw new InputException(what, "ends early: a truncated or corrupt parameter file (delete it, or train again without --resume)", e);
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) p.getValue().getArray().setRequiresGradient(true);
        }
    }

    /** Number of values in the block's parameters (trainable and running statistics). */
    public static long parameterCount(Block block) {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) n += p.getValue().getArray().size();
        }
        return n;
    }
}
