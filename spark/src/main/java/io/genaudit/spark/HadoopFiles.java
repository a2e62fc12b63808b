package io.genaudit.spark;

import io.genaudit.audits.run.OutputFolder;
import io.genaudit.engine.InputException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.Map;

/**
 * Hadoop file systems as the run's Spark session sees them: the context's Hadoop configuration plus the session's
 * {@code spark.hadoop.*} settings (prefix removed, as spark-submit does when a context starts), so
 * {@code --conf spark.hadoop.fs.s3a.*} credentials and endpoints reach the output copy and the table digests too.
 */
final class HadoopFiles {
    private static final String PREFIX = "spark.hadoop.";

    private HadoopFiles() {
    }

    /** The Hadoop configuration of {@code spark}'s session. */
    static Configuration configuration(SparkSession spark) {
        return withSparkHadoop(new Configuration(spark.sparkContext().hadoopConfiguration()),
                scala.jdk.javaapi.CollectionConverters.asJava(spark.conf().getAll()));
    }

    /**
     * The Hadoop configuration before Spark starts (to read a plan): the class path's {@code core-site.xml}, then the
     * {@code spark.hadoop.*} system properties (spark-submit sets them on its driver), then {@code conf} ({@code --conf}).
     */
    static Configuration configuration(Map<String, String> conf) {
        Configuration c = new Configuration();
        System.getProperties().stringPropertyNames().forEach(k -> withSparkHadoop(c, Map.of(k, System.getProperty(k))));
        return withSparkHadoop(c, conf);
    }

    private static Configuration withSparkHadoop(Configuration conf, Map<String, String> settings) {
        settings.forEach((k, v) -> {
            if (k.startsWith(PREFIX) && v != null) conf.set(k.substring(PREFIX.length()), v);
        });
        return conf;
    }

    /**
     * The file system of {@code uri}; a missing implementation ("No FileSystem for scheme") or a store that refuses
     * the connection is a user error naming the URI.
     */
    static FileSystem fileSystem(String uri, Configuration conf) {
        try {
            return new Path(uri).getFileSystem(conf);
        } catch (IOException | RuntimeException e) {
            throw new InputException(uri, "cannot open its file system (" + message(e) + "); a connector jar on the class path and "
                    + "spark.hadoop.fs." + OutputFolder.remoteScheme(uri) + ".* settings may be missing");
        }
    }

    /** An exception's message, else its class name (Hadoop's errors often say it all in the message). */
    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
