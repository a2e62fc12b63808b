package io.genaudit.engine;

/**
 * A model whose inputs or outputs do not match what the plan declares (shape, dtype, range). Raised before any audit
 * runs; the message says what was expected and what was found.
 */
public class ModelContractException extends InputException {
    public ModelContractException(String model, String expected, String found) {
        super(model, "model contract violated: expected " + expected + ", found " + found);
    }
}
