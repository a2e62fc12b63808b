package io.genaudit.audits.models;

import io.genaudit.audits.ModelProvider;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.TestAuditContext;
import io.genaudit.engine.TorchThreads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the model provider tests share: the provider, one PyTorch thread, a cache folder, the test context with the test's seed (hashing the files a
 * provider records), and a plan's model entry of one id built from its options.
 */
abstract class ModelProviderTest<P extends ModelProvider> {
    /** The provider under test (a fresh one per test). */
    final P provider;
    /** The test's model and cache folder. */
    @TempDir
    Path cache;
    private final String modelId;
    private final long seed;

    ModelProviderTest(P provider, String modelId, long seed) {
        this.provider = provider;
        this.modelId = modelId;
        this.seed = seed;
    }

    @BeforeAll
    static void oneThread() {
        TorchThreads.pin();
    }

    /** A fresh test context on {@link #cache} with this test's seed. */
    TestAuditContext ctx() {
        return TestAuditContext.in(cache).seed(seed).hashingFiles();
    }

    /** The plan entry {@code models[0]} of plan.yaml: this test's model id, {@code type}, {@code opts}. */
    ModelSpec spec(String type, Map<String, Object> opts) {
        return new ModelSpec(modelId, type, new Params(opts, "models[0]", "plan.yaml"), "plan.yaml");
    }
}
