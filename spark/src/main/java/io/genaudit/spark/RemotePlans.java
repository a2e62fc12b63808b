package io.genaudit.spark;

import io.genaudit.audits.plan.DatasetSpec;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.plan.PlanParser;
import io.genaudit.audits.run.OutputFolder;
import io.genaudit.engine.InputException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan named by a Hadoop file system URI ({@code s3a://bucket/plans/fid.yaml}): read through Hadoop before Spark
 * starts (the configuration from the class path's {@code core-site.xml} and the {@code spark.hadoop.*} settings), parsed
 * as a plan called by its URI, its relative dataset paths resolved against the URI's folder (as a local plan's resolve
 * against its folder). Model files and baseline records stay paths on the driver: give them absolute.
 */
final class RemotePlans {
    private RemotePlans() {
    }

    /** The plan at {@code uri}; a missing file system, file or permission is a user error naming the URI. */
    static Plan read(String uri, Configuration conf, PlanParser parser) {
        FileSystem fs = HadoopFiles.fileSystem(uri, conf);
        String text;
        try (InputStream in = fs.open(new Path(uri))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(uri, "cannot read the plan (" + HadoopFiles.message(e) + ")");
        }
        return rebased(parser.parse(uri, null, text), uri);
    }

    /** {@code p} with each relative dataset path (no scheme, not absolute, not a fixture) resolved against {@code uri}'s folder. */
    static Plan rebased(Plan p, String uri) {
        String folder = uri.substring(0, uri.lastIndexOf('/') + 1);
        List<DatasetSpec> datasets = new ArrayList<>();
        for (DatasetSpec d : p.datasets()) {
            boolean relative = !d.path().startsWith("/") && !d.path().startsWith("fixture:") && !OutputFolder.SCHEME.matcher(d.path()).matches();
            datasets.add(relative ? new DatasetSpec(d.id(), folder + d.path(), d.description()) : d);
        }
        return new Plan(p.file(), p.baseDir(), p.sha256(), p.name(), p.title(), p.seed(), p.energy(), p.models(), datasets, p.audits(),
                p.device(), p.lines(), p.execution());
    }
}
