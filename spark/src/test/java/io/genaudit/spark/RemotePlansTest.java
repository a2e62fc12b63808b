package io.genaudit.spark;

import io.genaudit.audits.plan.DatasetSpec;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.plan.PlanParser;
import io.genaudit.audits.registry.Registry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A plan read from a URI: its relative dataset paths resolve against the URI's folder, other paths stay as given. */
class RemotePlansTest {
    @Test
    void relativeDatasetPathsResolveAgainstThePlansUriFolder() {
        String uri = "s3a://bucket/plans/fid.yaml";
        Plan parsed = new PlanParser(Registry.load()).parse(uri, null, """
                name: remote
                datasets:
                  - {id: a, path: real.parquet}
                  - {id: b, path: sub/gen.parquet}
                  - {id: c, path: /local/abs.parquet}
                  - {id: d, path: "hdfs:///features/x.parquet"}
                  - {id: e, path: "fixture:shapes"}
                audits:
                  - {id: fid, metric: fid, params: {real: a, fake: b, bootstrap: 0}}
                """);
        Plan p = RemotePlans.rebased(parsed, uri);
        assertEquals(List.of("s3a://bucket/plans/real.parquet", "s3a://bucket/plans/sub/gen.parquet", "/local/abs.parquet",
                "hdfs:///features/x.parquet", "fixture:shapes"), p.datasets().stream().map(DatasetSpec::path).toList());
        assertEquals(uri, p.file());
        assertEquals(parsed.sha256(), p.sha256());
    }
}
