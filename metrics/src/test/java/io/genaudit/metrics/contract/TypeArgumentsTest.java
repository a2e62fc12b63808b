package io.genaudit.metrics.contract;

import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.FeaturePairState;
import io.genaudit.metrics.fidelity.FidMetric;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TypeArgumentsTest {
    @Test
    void readsTheBindingsThroughAnIntermediateInterface() {
        FidMetric fid = new FidMetric();
        assertEquals(FidMetric.Params.class, fid.parameterType());
        assertEquals(FeatureBatch.class, fid.inputType());
        assertEquals(FidMetric.Result.class, fid.resultType());
        assertEquals(FeaturePairState.class, TypeArguments.of(FidMetric.class, Metric.class, 2));
    }

    interface Source<T> {
    }

    static class Direct implements Source<String> {
    }

    static class Sub extends Direct {
    }

    static class Open<T> implements Source<T> {
    }

    static class ParameterizedArg implements Source<List<String>> {
    }

    @Test
    void followsSuperclassesRawTypesAndRefusesOpenParameters() {
        assertEquals(String.class, TypeArguments.of(Sub.class, Source.class, 0));
        assertEquals(List.class, TypeArguments.of(ParameterizedArg.class, Source.class, 0));
        IllegalStateException open = assertThrows(IllegalStateException.class, () -> TypeArguments.of(Open.class, Source.class, 0));
        assertEquals(Open.class.getName() + " leaves type parameter 0 of Source open", open.getMessage());
        assertThrows(IllegalStateException.class, () -> TypeArguments.of(String.class, Source.class, 0));
    }
}
