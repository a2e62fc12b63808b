package io.genaudit.audits.metric;

import io.genaudit.audits.AuditModule;
import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.cli.Main;
import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricCatalog;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.contract.ParamSchema;
import io.genaudit.values.Interval;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract every catalogued metric keeps: a plan module and a command generated from it, a direction, a
 * documentation page that carries the metric's generated reference (parameters, defaults, output keys), gate fields that the result really has, defaults that bind, and the merge law —
 * random shards of random batches, serialized like a cluster would, merged in random tree orders, give the result of
 * one pass (doubles to 1e-9 relative, everything else equal).
 */
class MetricContractTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TestFactory
    Stream<DynamicTest> everyMetricKeepsTheContract() {
        assertFalse(MetricCatalog.all().isEmpty(), "no metrics catalogued");
        Map<String, AuditModule> modules = Registry.load().modules();
        CommandLine cli = Main.commandLine();
        return MetricCatalog.all().values().stream().map(m -> DynamicTest.dynamicTest(m.info().name(), () -> {
            String name = m.info().name();
            assertTrue(modules.get(name) instanceof MetricAuditModule<?, ?, ?, ?>, name + ": no generated plan module");
            assertTrue(cli.getSubcommands().containsKey(name), name + ": no command");
            assertNotNull(m.info().direction(), name);
            assertEquals(m.info().direction().higherIsBetter(), Registry.higherIsBetter(name), name + ": direction seen by comparisons and baseline gates");
            assertTrue(Files.isRegularFile(ROOT.resolve(m.info().docPage())), name + ": doc page " + m.info().docPage() + " missing");
            String doc = Files.readString(ROOT.resolve(m.info().docPage()));
            assertTrue(doc.contains(MetricReference.markdown(m)), name + ": " + m.info().docPage()
                    + " lacks the current generated reference block; paste the output of `genaudit metrics --markdown " + name + "`:\n"
                    + MetricReference.markdown(m));
            assertTrue(m.gateFields().names().contains("value"), name);
            assertNotNull(m.parameters().defaults(), name);
            checkMergeLaw(m);
        }));
    }

    @org.junit.jupiter.api.Test
    void everyPresenterServesACataloguedMetric() {
        java.util.Set<Class<?>> results = new java.util.HashSet<>();
        MetricCatalog.all().values().forEach(m -> results.add(m.resultType()));
        int n = 0;
        for (ResultPresenter<?, ?> p : java.util.ServiceLoader.load(ResultPresenter.class)) {
            assertTrue(results.contains(p.resultType()), p.getClass().getName() + " presents " + p.resultType().getName() + ", which no metric returns");
            n++;
        }
        assertTrue(n >= 9, "presenters registered: " + n);
    }

    private static <P extends Record, I, S extends Serializable, R extends Record & MetricResult> void checkMergeLaw(Metric<P, I, S, R> m) throws Exception {
        String name = m.info().name();
        for (long seed = 1; seed <= 3; seed++) {
            Random rnd = new Random(seed);
            List<I> batches = MergeLawInputs.batches(m.inputType(), rnd);
            if (batches == null) fail(name + ": no merge-law input generator for " + m.inputType().getName() + " in MergeLawInputs");
            P params = m.parameters().defaults();
            R once = MetricRun.once(m, params, batches);
            for (String f : m.gateFields().names()) {
                double v = m.gateFields().read(once, f);
                assertFalse(Double.isInfinite(v), name + " gate field " + f + " is infinite");
            }
            int shards = 2 + rnd.nextInt(5);
            List<S> states = new ArrayList<>();
            int[] cuts = rnd.ints(shards - 1, 0, batches.size() + 1).sorted().toArray();
            int from = 0;
            for (int i = 0; i <= cuts.length; i++) {
                int to = i < cuts.length ? cuts[i] : batches.size();
                states.add(roundTrip(MetricRun.accumulate(m, params, batches.subList(from, to))));
                from = to;
            }
            while (states.size() > 1) {
                int a = rnd.nextInt(states.size());
                S left = states.remove(a);
                int b = rnd.nextInt(states.size());
                S right = states.remove(b);
                states.add(rnd.nextBoolean() ? m.merge(left, right) : m.merge(right, left));
            }
            R merged = m.compute(states.get(0), params);
            assertSameResult(name, once, merged);
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> S roundTrip(S state) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (S) in.readObject();
        }
    }

    /** Component by component: doubles to 1e-9 relative, intervals' bounds likewise, everything else equal. */
    static void assertSameResult(String what, Record expected, Record actual) throws Exception {
        for (RecordComponent c : expected.getClass().getRecordComponents()) {
            Object e = c.getAccessor().invoke(expected);
            Object a = c.getAccessor().invoke(actual);
            assertSameValue(what + "." + ParamSchema.snake(c.getName()), e, a);
        }
    }

    private static void assertSameValue(String what, Object e, Object a) throws Exception {
        if (e == null || a == null) {
            assertEquals(e, a, what);
        } else if (e instanceof Double d) {
            close(what, d, (Double) a);
        } else if (e instanceof Float f) {
            close(what, f, (Float) a);
        } else if (e instanceof double[] d) {
            double[] o = (double[]) a;
            assertEquals(d.length, o.length, what);
            for (int i = 0; i < d.length; i++) close(what + "[" + i + "]", d[i], o[i]);
        } else if (e instanceof int[] d) {
            assertTrue(Arrays.equals(d, (int[]) a), what);
        } else if (e instanceof Object[] d) {
            Object[] o = (Object[]) a;
            assertEquals(d.length, o.length, what + " length");
            for (int i = 0; i < d.length; i++) assertSameValue(what + "[" + i + "]", d[i], o[i]);
        } else if (e instanceof Interval i) {
            Interval o = (Interval) a;
            close(what + ".low", i.low(), o.low());
            close(what + ".high", i.high(), o.high());
            assertEquals(i.level(), o.level(), what);
        } else if (e instanceof Record r) {
            assertSameResult(what, r, (Record) a);
        } else if (e instanceof List<?> l) {
            List<?> o = (List<?>) a;
            assertEquals(l.size(), o.size(), what + " size");
            for (int i = 0; i < l.size(); i++) assertSameValue(what + "[" + i + "]", l.get(i), o.get(i));
        } else if (e instanceof Map<?, ?> mp) {
            Map<?, ?> o = (Map<?, ?>) a;
            assertEquals(mp.keySet(), o.keySet(), what + " keys");
            for (Object k : mp.keySet()) assertSameValue(what + "." + k, mp.get(k), o.get(k));
        } else if (e instanceof String s && s.matches("(?s).*\\d\\.\\d{3,}.*")) {
            // sentences quoting computed numbers: the same words, numbers within rounding
            assertEquals(s.replaceAll("\\d+\\.\\d+", "#"), ((String) a).replaceAll("\\d+\\.\\d+", "#"), what);
        } else {
            assertEquals(e, a, what);
        }
    }

    private static void close(String what, double e, double a) {
        if (Double.isNaN(e)) {
            assertTrue(Double.isNaN(a), what + ": expected NaN, got " + a);
            return;
        }
        double tol = 1e-9 * Math.max(1, Math.abs(e));
        assertEquals(e, a, tol, what);
    }
}
