package io.genaudit.datasets.bundled;

import io.genaudit.datasets.NamedDataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A fixture made of files shipped inside the fixtures jar (committed artefacts, such as a model exported by a script
 * in {@code fixtures/}), copied into the cache folder so that plans read them like any user file. The seed is
 * ignored: the bytes are the committed ones.
 */
public abstract class BundledFilesFixture extends NamedDataset {
    private final String resourceDir;
    private final List<String> files;

    protected BundledFilesFixture(String name, String description, String resourceDir, List<String> files) {
        super(name, description);
        this.resourceDir = resourceDir;
        this.files = List.copyOf(files);
    }

    @Override
    public Path materialize(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        for (String f : files) {
            Path target = dir.resolve(f);
            if (Files.isRegularFile(target)) continue;
            String resource = resourceDir + "/" + f;
            try (InputStream in = BundledFilesFixture.class.getResourceAsStream(resource)) {
                if (in == null) throw new UncheckedIOException(new IOException("fixture '" + name() + "': resource " + resource + " is missing from the jar"));
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    /**
     * The GPT-2-architecture language model exported with Hugging Face input names (ONNX, {@code input_ids,
     * attention_mask -> logits}) with the real GPT-2 byte-level BPE tokenizer files beside it; made by
     * fixtures/lm-models/gpt2/make_gpt2_fixture.py.
     */
    public static final class Gpt2Export extends BundledFilesFixture {
        public Gpt2Export() {
            super("gpt2-export", "GPT-2-architecture LM (tiny, trained on licence texts) as an Optimum-style ONNX export with its "
                            + "GPT-2 BPE tokenizer.json, tokenizer_config.json, special_tokens_map.json and config.json",
                    "/io/genaudit/datasets/models/gpt2",
                    List.of("model.onnx", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "config.json"));
        }
    }

    /** The English documents the GPT-2 fixture's PyTorch references were computed on (fixtures/lm-models/gpt2/docs). */
    public static final class Gpt2Docs extends BundledFilesFixture {
        public Gpt2Docs() {
            super("gpt2-docs", "three short English documents scored by the GPT-2 fixture's PyTorch references",
                    "/io/genaudit/datasets/models/gpt2/docs", List.of("licence.txt", "notes.txt", "short.txt"));
        }
    }
}
