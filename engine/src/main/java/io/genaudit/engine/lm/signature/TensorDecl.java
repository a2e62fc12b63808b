package io.genaudit.engine.lm.signature;

import java.util.List;

/**
 * One declared input or output of a model file: its name, element type as the file states it ({@code int64},
 * {@code float32}, or a TorchScript type such as {@code Tensor}) and its dimensions, each a fixed size ("64"), a
 * named dynamic axis ("batch_size") or "?" when the file leaves it open. TorchScript declares no shapes: dims empty.
 */
public record TensorDecl(String name, String dtype, List<String> dims) {
    public TensorDecl {
        dims = List.copyOf(dims);
    }

    /** The fixed size of dimension {@code i}, or -1 when it is dynamic or unknown. */
    public long fixedDim(int i) {
        if (i >= dims.size()) return -1;
        try {
            return Long.parseLong(dims.get(i));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code name: dtype [d0, d1, ...]}. */
    @Override
    public String toString() {
        return name + ": " + dtype + (dims.isEmpty() ? "" : " " + dims);
    }
}
