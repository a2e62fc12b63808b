package io.genaudit.audits.plan;

import io.genaudit.audits.PlanException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Plans that audit generated samples given as a dataset ({@code fake: DATASET_ID}) are checked strictly when read. */
class SamplesAsDataPlanTest {
    private static final String PLAN = """
            name: t
            models:
              - {id: ext, type: fake}
              - {id: gen, type: fake}
            datasets:
              - {id: real, path: real}
              - {id: samples, path: samples}
            audits:
              - id: fid
                metric: fid
                params: {real: real, fake: samples, features: ext}
            """;

    @Test
    void everyImageMetricAcceptsSamplesAsData() {
        for (String m : new String[]{"fid", "kid", "prdc", "inception-score"}) {
            String text = PLAN.replace("metric: fid", "metric: " + m);
            if (m.equals("inception-score")) text = text.replace("real: real, ", "");
            Plan p = PlanTexts.parse(text);
            assertEquals("samples", p.audits().get(0).spec().params().stringParam("fake", null), m);
            assertTrue(p.audits().get(0).spec().models().isEmpty(), m);
        }
        PlanTexts.parse(PLAN.replace("metric: fid", "metric: detectability")
                .replace("params: {real: real, fake: samples, features: ext}", "params: {real: real, fake: samples}"));
        PlanTexts.parse(PLAN.replace("metric: fid", "metric: bias-image")
                .replace("params: {real: real, fake: samples, features: ext}", "params: {fake: samples, classifier: ext, attribute: colour, classes: [a, b]}"));
    }

    @Test
    void unknownSampleDatasetNamesTheLine() {
        PlanException e = PlanTexts.fails(PLAN.replace("fake: samples", "fake: sampels"));
        assertTrue(e.getMessage().contains("no dataset with id 'sampels'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 11"), e.getMessage());
        assertTrue(e.getMessage().contains("audits[0].params.fake"), e.getMessage());
    }

    @Test
    void unknownRealDatasetAndExtractorAreErrors() {
        assertTrue(PlanTexts.fails(PLAN.replace("real: real", "real: reel")).getMessage().contains("no dataset with id 'reel'"));
        PlanException e = PlanTexts.fails(PLAN.replace("features: ext", "features: inception"));
        assertTrue(e.getMessage().contains("no model with id 'inception'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 11"), e.getMessage());
    }

    @Test
    void modelAndSamplesTogetherOrNeitherAreErrors() {
        PlanException both = PlanTexts.fails(PLAN.replace("metric: fid", "metric: fid\n    model: gen"));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        assertTrue(both.getMessage().contains("line 11"), both.getMessage());
        PlanException neither = PlanTexts.fails(PLAN.replace("fake: samples, ", ""));
        assertTrue(neither.getMessage().contains("needs a generator (model:) or a dataset of its samples (params.fake"), neither.getMessage());
        PlanException two = PlanTexts.fails(PLAN.replace("fake: samples", "fake: [samples, real]"));
        assertTrue(two.getMessage().contains("takes one dataset id"), two.getMessage());
        PlanException alias = PlanTexts.fails(PLAN.replace("metric: fid", "metric: detectability")
                .replace("params: {real: real, fake: samples, features: ext}", "params: {real: real, fake: samples, generated: samples}"));
        assertTrue(alias.getMessage().contains("keep one"), alias.getMessage());
    }
}
