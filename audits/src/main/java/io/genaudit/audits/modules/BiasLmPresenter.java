package io.genaudit.audits.modules;

import io.genaudit.audits.metric.ResultPresenter;
import io.genaudit.metrics.bias.BiasLmMetric;
import io.genaudit.metrics.bias.CooccurrenceProbe;
import io.genaudit.metrics.bias.CorrectedFamily;
import io.genaudit.metrics.bias.CounterfactualPairProbe;
import io.genaudit.metrics.bias.DescriptorProbe;
import io.genaudit.metrics.bias.GenerationProbe;
import io.genaudit.metrics.bias.GroupEffect;
import io.genaudit.metrics.bias.LmProbeReports;
import io.genaudit.metrics.bias.StereoSetProbe;
import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;
import io.genaudit.reports.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static io.genaudit.metrics.bias.BiasText.interval;
import static io.genaudit.metrics.bias.BiasText.number;

/**
 * bias-lm in the report: per probe section, the corrected tests as tables, the effects as bar charts with error bars,
 * and the examples behind the largest gaps (pairs, descriptors, prompts, generations).
 */
public final class BiasLmPresenter implements ResultPresenter<BiasLmMetric.Params, BiasLmMetric.Result> {
    @Override
    public void present(BiasLmMetric.Params params, BiasLmMetric.Result result, AuditResult.Builder out) {
        BiasLmMetric.Result r = result;
        if (!Double.isFinite(r.value())) out.value(null);
        LmProbeReports reports = r.reports();
        if (reports.pairs() != null) pairs(reports.pairs(), out);
        if (reports.stereoSet() != null) stereoSet(reports.stereoSet(), out);
        if (reports.descriptors() != null) descriptors(reports.descriptors(), out);
        if (reports.cooccurrence() != null) cooccurrence(reports.cooccurrence(), out);
        if (reports.generation() != null) generation(reports.generation(), out);
    }

    private static void pairs(CounterfactualPairProbe.Report r, AuditResult.Builder out) {
        out.chart(BiasTables.bars("Counterfactual pairs: share preferring the more-stereotyping sentence (0.5 = no preference)", "share", r.byBiasType()));
        out.chart(new Chart(Chart.Type.HISTOGRAM, "Counterfactual pairs: loglik(sent_more) - loglik(sent_less)", "nats", "pairs", null,
                List.of(Chart.Series.of("difference", null, r.differences()))));
        out.table(BiasTables.tests("Counterfactual pairs by bias type", r.byBiasType()));
        List<List<String>> ex = new ArrayList<>();
        for (var p : r.largest(10)) ex.add(List.of(p.pair().biasType(), p.pair().sentMore(), p.pair().sentLess(), number(p.difference())));
        out.table(new Table("Pairs with the largest likelihood differences", List.of("bias type", "sent_more", "sent_less", "difference (nats)"), ex));
    }

    private static void stereoSet(StereoSetProbe.Report r, AuditResult.Builder out) {
        List<List<String>> rows = new ArrayList<>();
        List<StereoSetProbe.DomainScores> all = new ArrayList<>(r.domains());
        all.add(r.overall());
        for (var d : all) {
            rows.add(List.of(d.domain(), String.valueOf(d.n()), number(d.ss()), interval(d.ssCi()), number(d.lms()), interval(d.lmsCi()),
                    number(d.icat()), interval(d.icatCi())));
        }
        out.table(new Table("StereoSet intrasentence (ss 50 = unbiased, lms 100 = ideal LM, ICAT = lms * min(ss, 100-ss) / 50)",
                List.of("domain", "n", "ss", "ss CI", "lms", "lms CI", "ICAT", "ICAT CI"), rows));
        out.table(BiasTables.tests("StereoSet stereotype score vs 50 by domain", r.ssTests()));
        out.chart(BiasTables.bars("StereoSet stereotype score by domain (50 = no preference)", "ss", r.ssTests()));
    }

    private static void descriptors(DescriptorProbe.Report r, AuditResult.Builder out) {
        out.chart(descriptorMedians(r));
        List<List<String>> axes = new ArrayList<>();
        for (var a : r.axes()) {
            axes.add(List.of(a.axis(), String.valueOf(a.descriptors()), String.valueOf(a.pairs().rows().size()),
                    String.valueOf(a.pairs().significantCount()), number(a.pairs().significantShare())));
        }
        out.table(new Table("Descriptor pairs differing in perplexity (Mann-Whitney U, corrected within each axis)",
                List.of("axis", "descriptors", "pairs", "significant", "share"), axes));
        List<GroupEffect> sig = new ArrayList<>();
        for (var a : r.axes()) for (var g : a.pairs().rows()) if (g.significant()) sig.add(g);
        sig.sort(Comparator.comparingDouble((GroupEffect g) -> -Math.abs(g.effect())));
        if (!sig.isEmpty()) {
            CorrectedFamily first = r.axes().get(0).pairs();
            out.table(BiasTables.tests("Significant descriptor pairs (largest |rank-biserial| first, at most 30)",
                    new CorrectedFamily("descriptor pairs", first.method(), first.alpha(), sig.subList(0, Math.min(30, sig.size())))));
        }
        List<List<String>> outliers = new ArrayList<>();
        for (var ol : r.outliers().subList(0, Math.min(10, r.outliers().size()))) {
            var d = r.descriptors().stream().filter(x -> x.axis().equals(ol.axis()) && x.descriptor().equals(ol.descriptor())).findFirst().orElseThrow();
            outliers.add(List.of(ol.axis(), ol.descriptor(), number(ol.median()), number(ol.deviation()), d.sentences().get(0)));
        }
        out.table(new Table("Descriptors furthest from their axis median", List.of("axis", "descriptor", "median log-ppl", "deviation", "example sentence"), outliers));
    }

    private static Chart descriptorMedians(DescriptorProbe.Report r) {
        List<String> cats = r.descriptors().stream().map(d -> d.axis() + ": " + d.descriptor()).toList();
        double[] med = r.descriptors().stream().mapToDouble(DescriptorProbe.DescriptorScores::median).toArray();
        double[] lo = r.descriptors().stream().mapToDouble(d -> quantile(d.logPerplexity(), 0.25)).toArray();
        double[] hi = r.descriptors().stream().mapToDouble(d -> quantile(d.logPerplexity(), 0.75)).toArray();
        return new Chart(Chart.Type.BAR, "Descriptor sentences: median log-perplexity (bars: interquartile range)", "descriptor", "log-perplexity",
                cats, List.of(new Chart.Series("median", null, med, lo, hi)));
    }

    private static void cooccurrence(CooccurrenceProbe.Report r, AuditResult.Builder out) {
        List<String> sets = r.raw().stream().map(CooccurrenceProbe.RawDifference::set).toList();
        out.chart(new Chart(Chart.Type.BAR, "Co-occurrence: raw mean log-probability difference per prompt set (t interval; includes the terms' base rates)",
                "prompt set", "nats", sets, List.of(new Chart.Series("mean difference", null,
                r.raw().stream().mapToDouble(CooccurrenceProbe.RawDifference::mean).toArray(),
                r.raw().stream().mapToDouble(x -> x.ci().low()).toArray(), r.raw().stream().mapToDouble(x -> x.ci().high()).toArray()))));
        List<List<String>> rawRows = new ArrayList<>();
        for (var x : r.raw()) rawRows.add(List.of(x.set(), String.valueOf(x.n()), number(x.mean()), number(x.standardError()), interval(x.ci()), number(x.shareFavouringA())));
        out.table(new Table("Co-occurrence per prompt set, raw (as lm-evaluation-harness reports it; mixes association with the terms' base rates, so not tested)",
                List.of("prompt set", "n", "mean log P(A) - log P(B)", "SE", "t interval", "share favouring A"), rawRows));
        if (!r.associations().rows().isEmpty()) out.table(BiasTables.tests("Co-occurrence association contrasts (paired; base rates cancel)", r.associations()));
        List<CooccurrenceProbe.PromptScore> ps = new ArrayList<>(r.prompts());
        ps.sort(Comparator.comparingDouble((CooccurrenceProbe.PromptScore p) -> -Math.abs(p.difference())));
        List<List<String>> ex = new ArrayList<>();
        for (var p : ps.subList(0, Math.min(10, ps.size()))) ex.add(List.of(p.set(), p.prompt(), number(p.logProbA()), number(p.logProbB()), number(p.difference())));
        out.table(new Table("Prompts with the largest log-probability differences", List.of("set", "prompt", "log P(A)", "log P(B)", "difference"), ex));
    }

    private static void generation(GenerationProbe.Report r, AuditResult.Builder out) {
        List<String> cats = r.groups().stream().map(g -> g.domain() + ": " + g.group()).toList();
        out.chart(new Chart(Chart.Type.BAR, "Generations: mean VADER compound sentiment per group (bootstrap interval)", "group", "compound",
                cats, List.of(new Chart.Series("mean sentiment", null, r.groups().stream().mapToDouble(GenerationProbe.GroupMean::mean).toArray(),
                r.groups().stream().mapToDouble(g -> g.ci().low()).toArray(), r.groups().stream().mapToDouble(g -> g.ci().high()).toArray()))));
        out.table(BiasTables.tests("Sentiment gaps between groups (permutation test)", r.gaps()));
        if (r.representation() != null) {
            var rep = r.representation();
            out.table(new Table("HELM-style representation (total-variation distance from uniform over groups)", List.of("measure", "value", "CI", "mentions"),
                    List.of(List.of("demographic representation", number(rep.representation()), interval(rep.representationCi()), rep.mentions().toString()),
                            List.of("stereotypical association", number(rep.association()), interval(rep.associationCi()), ""))));
        }
        List<GenerationProbe.Continuation> cs = new ArrayList<>(r.continuations());
        cs.sort(Comparator.comparingDouble(GenerationProbe.Continuation::sentiment));
        List<List<String>> ex = new ArrayList<>();
        for (var c : cs.subList(0, Math.min(5, cs.size()))) ex.add(List.of(c.domain(), c.group(), c.prompt(), c.text(), number(c.sentiment())));
        for (var c : cs.subList(Math.max(0, cs.size() - 5), cs.size())) ex.add(List.of(c.domain(), c.group(), c.prompt(), c.text(), number(c.sentiment())));
        out.table(new Table("Most negative and most positive generations", List.of("domain", "group", "prompt", "generation", "compound"), ex));
    }

    private static double quantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        return Bootstrap.quantile(s, q);
    }
}
