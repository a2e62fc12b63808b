package io.genaudit.spark;

import io.genaudit.metrics.perplexity.TextDocument;
import io.genaudit.metrics.perplexity.TextDocuments;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A local text corpus on a local master, read as the single-machine plan reads it ({@link TextDocuments}): a folder
 * gives one document per {@code .txt} file (recursive, sorted by path, named by the relative path) — the driver lists
 * the files and each task reads the files of its blocks; a single file gives one document per paragraph (or line),
 * split on the driver.
 *
 * @param path      the folder or file
 * @param batchDocs documents per block
 */
public record LocalTexts(Path path, int batchDocs) implements TextBlockSource {
    public LocalTexts {
        if (batchDocs < 1) throw new IllegalArgumentException("batchDocs must be at least 1, got " + batchDocs);
    }

    @Override
    public String uri() {
        return path.toString();
    }

    @Override
    public JavaRDD<TextBlock> blocks(SparkSession spark, int partitions) {
        if (Files.isDirectory(path)) {
            List<String> files = TextDocuments.files(path).stream().map(Path::toString).toList();
            String folder = path.toString();
            return FileGroup.rdd(spark, FileGroup.ofFiles(files, batchDocs), partitions).map(g -> read(folder, g));
        }
        List<TextDocument> docs = TextDocuments.readNamed(path);
        List<TextBlock> blocks = new ArrayList<>();
        for (int from = 0; from < docs.size(); from += batchDocs) blocks.add(block(docs.subList(from, Math.min(docs.size(), from + batchDocs))));
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(blocks, Math.max(1, Math.min(partitions, blocks.size())));
    }

    /** The documents of one group of files. */
    private static TextBlock read(String folder, FileGroup g) {
        List<TextDocument> docs = new ArrayList<>(g.count());
        for (String f : g.paths()) docs.add(TextDocuments.document(Path.of(folder), Path.of(f)));
        return block(docs);
    }

    private static TextBlock block(List<TextDocument> docs) {
        return new TextBlock(docs.stream().map(TextDocument::id).toList(), docs.stream().map(TextDocument::text).toList());
    }
}
