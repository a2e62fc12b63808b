package io.genaudit.engine.train;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.InputException;
import io.genaudit.engine.io.AtomicFiles;
import io.genaudit.engine.io.Sha256;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one checkpoint format of genaudit's built-in trainers: a single file holding a JSON header (architecture,
 * hyper-parameters, training settings with the seed, training-data SHA-256, epochs done, the trainer's progress
 * state) followed by named binary sections (network parameters, optimiser state), each with its length and SHA-256
 * in the header. Written to a temporary name and moved into place, so a crash never leaves a half-written checkpoint;
 * reading checks the magic line, the lengths, the hashes and the architecture, and reports a bad file as an
 * {@link InputException} naming it.
 *
 * <pre>genaudit-checkpoint-v1\n | header length (int, big-endian) | header JSON (UTF-8) | section bytes...</pre>
 */
public final class CheckpointFile {
    static final byte[] MAGIC = "genaudit-checkpoint-v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADVICE = " (delete the checkpoint, or train again without resuming)";

    private CheckpointFile() {
    }

    /**
     * What a checkpoint says of its run.
     *
     * @param hyperParameters the architecture's configuration (as model.json stores it)
     * @param state           what the trainer needs to continue (loss history, step counts)
     */
    public record Header(String architecture, Map<String, Object> hyperParameters, TrainingSettings training,
                         String dataSha256, int epochsDone, Map<String, Object> state) {
        public Header {
            hyperParameters = normalised(hyperParameters);
            state = normalised(state);
        }
    }

    /** Writes one section's bytes (e.g. {@code block::saveParameters}). */
    @FunctionalInterface
    public interface SectionWriter {
        void write(DataOutputStream out) throws IOException;
    }

    /** The bytes a section writer produces, for {@link #write}. */
    public static byte[] bytes(SectionWriter w) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(b)) {
            w.write(d);
        }
        return b.toByteArray();
    }

    /** Writes header and sections (in map order) to {@code file} atomically. */
    public static void write(Path file, Header header, Map<String, byte[]> sections) throws IOException {
        List<Map<String, Object>> index = new ArrayList<>();
        for (var e : sections.entrySet()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", e.getKey());
            s.put("bytes", e.getValue().length);
            s.put("sha256", Sha256.of(e.getValue()));
            index.add(s);
        }
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("header", header);
        h.put("sections", index);
        byte[] json = JSON.writeValueAsBytes(h);
        AtomicFiles.write(file, out -> {
            out.write(MAGIC);
            out.write(ByteBuffer.allocate(4).putInt(json.length).array());
            out.write(json);
            for (byte[] s : sections.values()) out.write(s);
        });
    }

    /**
     * Reads and checks a checkpoint; {@code architecture} (null: any) is the architecture it must be of. A missing,
     * truncated or corrupt file, or one of another architecture, is an {@link InputException} naming the file.
     */
    public static Loaded read(Path file, String architecture) throws IOException {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file, "no such checkpoint file");
        }
        int compared = Math.min(all.length, MAGIC.length);
        if (!Arrays.equals(all, 0, compared, MAGIC, 0, compared)) {
            throw new InputException(file, "not a genaudit checkpoint (it does not start with 'genaudit-checkpoint-v1')" + ADVICE);
        }
        if (all.length < MAGIC.length + 4) throw new InputException(file, "truncated checkpoint (" + all.length + " bytes)" + ADVICE);
        int headerLength = ByteBuffer.wrap(all, MAGIC.length, 4).getInt();
        int at = MAGIC.length + 4;
        if (headerLength < 2 || headerLength > all.length - at) {
            throw new InputException(file, "truncated or corrupt checkpoint: header of " + headerLength + " bytes declared, "
                    + (all.length - at) + " bytes follow" + ADVICE);
        }
        Index index;
        try {
            index = JSON.readValue(all, at, headerLength, Index.class);
        } catch (JacksonException e) {
            throw new InputException(String.valueOf(file), "corrupt checkpoint header: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + ADVICE, e);
        }
        if (index.header() == null || index.sections() == null || index.header().architecture() == null || index.header().training() == null) {
            throw new InputException(file, "corrupt checkpoint header: architecture, training settings or section index missing" + ADVICE);
        }
        at += headerLength;
        long declared = 0;
        for (SectionEntry s : index.sections()) declared += s.bytes();
        if (declared != all.length - at) {
            throw new InputException(file, (declared > all.length - at ? "truncated" : "corrupt") + " checkpoint: the header declares "
                    + declared + " bytes of parameters and optimiser state, the file holds " + (all.length - at) + ADVICE);
        }
        Map<String, byte[]> sections = new LinkedHashMap<>();
        for (SectionEntry s : index.sections()) {
            byte[] b = Arrays.copyOfRange(all, at, at + (int) s.bytes());
            at += (int) s.bytes();
            if (!Sha256.of(b).equals(s.sha256())) {
                throw new InputException(file, "corrupt checkpoint: section '" + s.name() + "' does not match its SHA-256" + ADVICE);
            }
            sections.put(s.name(), b);
        }
        Header h = index.header();
        if (architecture != null && !architecture.equals(h.architecture())) {
            throw new InputException(file, "a checkpoint of a '" + h.architecture() + "' model, not of '" + architecture + "'" + ADVICE);
        }
        return new Loaded(file, h, sections);
    }

    /** A checkpoint read back: where from, its header, and its sections by name. */
    public record Loaded(Path file, Header header, Map<String, byte[]> sections) {
        /** The bytes of a section as a stream; a missing section is an input error naming the file. */
        public DataInputStream section(String name) {
            byte[] b = sections.get(name);
            if (b == null) throw new InputException(file, "checkpoint has no section '" + name + "' (sections: " + sections.keySet() + ")" + ADVICE);
            return new DataInputStream(new ByteArrayInputStream(b));
        }

        /** Names the section in errors, e.g. {@code checkpoints/epoch-0002.ckpt#generator}. */
        public String describe(String section) {
            return file + "#" + section;
        }

        /**
         * Checks the checkpoint was written by the run about to resume: same architecture, hyper-parameters, data and
         * training settings; with {@code epochsMayGrow} the epoch count may differ (a run extended by more epochs).
         */
        public void requireSameRun(Header expected, boolean epochsMayGrow) {
            Map<String, Object> have = identity(header, epochsMayGrow), want = identity(expected, epochsMayGrow);
            for (var e : want.entrySet()) {
                String a = String.valueOf(have.get(e.getKey())), b = String.valueOf(e.getValue());
                if (!a.equals(b)) {
                    throw new InputException(file, "cannot resume: the checkpoint is of another run (" + e.getKey() + " " + a
                            + " in the checkpoint, " + b + " requested)" + ADVICE);
                }
            }
        }
    }

    private static Map<String, Object> identity(Header h, boolean epochsMayGrow) {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("architecture", h.architecture());
        h.hyperParameters().forEach((k, v) -> id.put("hyperParameters." + k, v));
        h.training().toMap().forEach((k, v) -> {
            if (!(epochsMayGrow && k.equals("epochs"))) id.put("training." + k, v);
        });
        id.put("dataSha256", h.dataSha256());
        return id;
    }

    /** The map as JSON reads it back (floats widened, nested records as maps), so headers compare equal across a save. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalised(Map<String, Object> m) {
        if (m == null) return Map.of();
        try {
            return JSON.readValue(JSON.writeValueAsBytes(m), LinkedHashMap.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("checkpoint metadata must be plain JSON values: " + e.getMessage(), e);
        }
    }

    private record SectionEntry(String name, long bytes, String sha256) {
    }

    private record Index(Header header, List<SectionEntry> sections) {
    }
}
