package io.genaudit.audits.fuzz;

import net.jqwik.api.Tag;
import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.plan.PlanParser;
import io.genaudit.engine.InputException;
import io.genaudit.engine.io.NpyArray;
import io.genaudit.engine.io.NpyReader;
import io.genaudit.engine.io.NpyWriter;
import io.genaudit.engine.io.NpzReader;
import io.genaudit.engine.io.NpzWriter;
import io.genaudit.metrics.fidelity.FeatureSetLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property-based fuzzing of the readers that take user files: the plan parser and the {@code .npy}/{@code .npz}
 * readers (through the FID feature loader, whose checks follow). Whatever the bytes, the answer is a value or an
 * input error (exit 2), never another exception (exit 3) and never a hang. Mutations start from valid files, so the
 * fuzzing gets past the magic numbers. Tries are bounded to keep the suite fast.
 */
@Tag("integration")
class InputFuzzTest {
    private static final PlanParser PARSER = new PlanParser(Registry.load());
    static final String PLAN = """
            name: fuzz
            seed: 3
            models:
              - {id: a, type: fake, train: {epochs: 2}}
            datasets:
              - {id: d, path: "fixture:shapes@1"}
            audits:
              - id: s
                metric: echo
                model: [a]
                data: d
                params: {value: 1.5, detail: 2}
                gate: {baseline: base.json, maxWorsening: 5%}
            """;

    /**
     * Runs {@code action}; only an InputException (or nothing) is allowed, within {@code millis} of this thread's CPU
     * time (CPU, not wall time: a loaded CI machine must not fail the bound, a hang or a runaway parse still does).
     */
    private static void onlyInputErrors(String what, long millis, ThrowingRunnable action) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = cpu.getCurrentThreadCpuTime();
        try {
            action.run();
        } catch (InputException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "an input error says what is wrong");
        } catch (Throwable t) {
            fail(what + ": " + t + " would exit 3", t);
        }
        long ms = (cpu.getCurrentThreadCpuTime() - t0) / 1_000_000;
        assertTrue(ms < millis, what + " took " + ms + " ms of CPU");
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Provide
    Arbitrary<String> mutatedPlans() {
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, PLAN.length() - 1);
        Arbitrary<String> insert = Arbitraries.of("", ":", "- ", "{", "}", "[", "]", "&a", "*a", "!!binary", "\n  ", "'", "\"", "#",
                "99999999999999999999", "-1", ".nan", ".inf", "0x1F", "~", "null", "?", "|", ">", "%", "@", "\t", "\u0000", "é");
        return Arbitraries.lazy(() -> pos.list().ofMinSize(1).ofMaxSize(4).flatMap(ps -> insert.list().ofSize(ps.size()).map(ins -> {
            StringBuilder b = new StringBuilder(PLAN);
            for (int i = 0; i < ps.size(); i++) {
                int p = Math.min(ps.get(i), b.length());
                int cut = Math.min(b.length(), p + (i % 3));
                b.replace(p, cut, ins.get(i));
            }
            return b.toString();
        })));
    }

    @Property(tries = 400)
    void mutatedPlansParseOrFailAsInput(@ForAll("mutatedPlans") String text) {
        onlyInputErrors("plan", 2000, () -> PARSER.parse("fuzz.yaml", Path.of("."), text));
    }

    @Property(tries = 200)
    void arbitraryTextIsNeverAnInternalError(@ForAll @Size(max = 300) String text) {
        onlyInputErrors("plan", 2000, () -> PARSER.parse("fuzz.yaml", Path.of("."), text));
    }

    static byte[] validNpy() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.write(out, NpyArray.matrix(new double[][]{{1, 2, 3}, {4, 5, 6}, {7, 8, 10}}));
        return out.toByteArray();
    }

    @Provide
    Arbitrary<byte[]> mutatedNpy() throws IOException {
        byte[] valid = validNpy();
        return mutations(valid);
    }

    /** A valid file with a few bytes overwritten, and possibly cut short. */
    static Arbitrary<byte[]> mutations(byte[] valid) {
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, valid.length - 1);
        Arbitrary<Byte> val = Arbitraries.bytes();
        Arbitrary<Integer> len = Arbitraries.integers().between(0, valid.length);
        return Arbitraries.lazy(() -> pos.list().ofMaxSize(6).flatMap(ps -> val.list().ofSize(ps.size()).flatMap(vs -> len.map(n -> {
            byte[] b = valid.clone();
            for (int i = 0; i < ps.size(); i++) b[ps.get(i)] = vs.get(i);
            return n % 3 == 0 ? java.util.Arrays.copyOf(b, n) : b;
        }))));
    }

    @Property(tries = 300)
    void npyReaderOnlyFailsAsInput(@ForAll("mutatedNpy") byte[] bytes) {
        onlyInputErrors("npy stream", 2000, () -> NpyReader.read(new ByteArrayInputStream(bytes), "fuzz.npy"));
    }

    @Property(tries = 150)
    void featureLoaderOnNpyOnlyFailsAsInput(@ForAll("mutatedNpy") byte[] bytes) throws IOException {
        inTempFile(bytes, ".npy", f -> onlyInputErrors("npy features", 3000, () -> FeatureSetLoader.fromNpy(f)));
    }

    /** Writes {@code bytes} to a temporary file with suffix {@code ext}, runs {@code check} on it, deletes it. */
    private static void inTempFile(byte[] bytes, String ext, java.util.function.Consumer<Path> check) throws IOException {
        Path f = Files.createTempFile("fuzz", ext);
        try {
            Files.write(f, bytes);
            check.accept(f);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedNpz() throws IOException {
        Path f = Files.createTempFile("valid", ".npz");
        try {
            Map<String, NpyArray> m = new LinkedHashMap<>();
            m.put("mu", NpyArray.vector(new double[]{0, 1, 2}));
            m.put("sigma", NpyArray.matrix(new double[][]{{2, 0.5, 0}, {0.5, 1, 0}, {0, 0, 1}}));
            NpzWriter.write(f, m);
            return mutations(Files.readAllBytes(f));
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Property(tries = 200)
    void npzReadersOnlyFailAsInput(@ForAll("mutatedNpz") byte[] bytes) throws IOException {
        inTempFile(bytes, ".npz", f -> {
            onlyInputErrors("npz", 3000, () -> NpzReader.read(f));
            onlyInputErrors("npz statistics", 3000, () -> FeatureSetLoader.fromStatsNpz(f));
        });
    }

    @Property(tries = 50)
    void plansStillParseWhenValid(@ForAll @Size(max = 0) List<Integer> none) {
        // control: the unmutated plan parses, so the mutations above are what fails
        assertTrue(PARSER.parse("fuzz.yaml", Path.of("."), PLAN).models().size() == 1);
        assertTrue(new String(PLAN.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(PLAN));
    }
}
