package io.genaudit.audits;

import java.util.Set;

/**
 * Builds the models a plan names: trains a built-in architecture on fixture data, or loads a TorchScript/ONNX file
 * and checks it against the declared contract before any audit runs. Registered in
 * META-INF/services/io.genaudit.audits.ModelProvider.
 */
public interface ModelProvider {
    /** The plan {@code type:} values this provider handles, e.g. {@code transformer}, {@code torchscript-lm}. */
    Set<String> types();

    /** The option keys a model of {@code type} accepts besides {@code id} and {@code type}. */
    Set<String> options(String type);

    /**
     * Trains or loads the model. Training runs inside {@code ctx.phase(...)} with kind {@code train}; files read are
     * recorded with {@code ctx.recordFile}.
     */
    LoadedModel load(ModelSpec spec, AuditContext ctx) throws Exception;
}
