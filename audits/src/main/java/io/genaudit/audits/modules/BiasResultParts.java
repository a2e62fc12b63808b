package io.genaudit.audits.modules;

import io.genaudit.metrics.bias.AttributeDistributionProbe;
import io.genaudit.metrics.bias.CooccurrenceProbe;
import io.genaudit.metrics.bias.CorrectedFamily;
import io.genaudit.metrics.bias.CounterfactualPairProbe;
import io.genaudit.metrics.bias.DescriptorProbe;
import io.genaudit.metrics.bias.GenerationProbe;
import io.genaudit.metrics.bias.GroupEffect;
import io.genaudit.metrics.bias.StereoSetProbe;
import io.genaudit.values.Interval;
import io.genaudit.reports.Chart;
import io.genaudit.reports.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns bias probe reports into report parts: bar charts with error bars per group, tables of corrected tests a
 * reviewer can read (group, effect, CI, p, adjusted p, significant?), tables of the examples behind the largest gaps,
 * and the details map with the gateable summaries ({@code max_abs_gap}, {@code significant_share}, ...).
 */
public final class BiasResultParts {
    /** Everything an AuditResult needs besides identity. */
    public record Parts(Double value, String unit, Interval ci, long n, Map<String, Object> details, List<Chart> charts, List<Table> tables, List<String> notes) {
    }

    private BiasResultParts() {
    }

    static String f(double x) {
        if (Double.isNaN(x)) return "n/a";
        if (x != 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e5)) return String.format(Locale.ROOT, "%.3g", x);
        return String.format(Locale.ROOT, "%.4f", x);
    }

    static String ci(Interval c) {
        return c == null ? "" : "[" + f(c.low()) + ", " + f(c.high()) + "]";
    }

    /** The interval with what it covers attached (null stays null). */
    static Interval interval(Interval c, String estimand) {
        return c == null ? null : c.withEstimand(estimand);
    }

    /** The corrected-tests table of one family. */
    public static Table testsTable(String title, CorrectedFamily fam) {
        List<List<String>> rows = new ArrayList<>();
        for (GroupEffect g : fam.rows()) {
            rows.add(List.of(g.group(), String.valueOf(g.n()), f(g.effect()), ci(g.ci()), f(g.pValue()), f(g.pAdjusted()), g.significant() ? "yes" : "no", g.test()));
        }
        String effect = fam.rows().isEmpty() ? "" : fam.rows().get(0).effectName();
        return new Table(title + " — effect: " + effect + "; p adjusted by " + fam.method().planName() + ", alpha " + f(fam.alpha()),
                List.of("group", "n", "effect", (int) Math.round((1 - fam.alpha()) * 100) + "% CI", "p", "p adjusted", "significant", "test"), rows);
    }

    /** A bar chart of a family's effects with their intervals as error bars. */
    public static Chart barChart(String title, String yLabel, CorrectedFamily fam) {
        List<String> cats = fam.rows().stream().map(GroupEffect::group).toList();
        double[] y = fam.rows().stream().mapToDouble(GroupEffect::effect).toArray();
        double[] lo = fam.rows().stream().mapToDouble(g -> g.ci() == null || !Double.isFinite(g.ci().low()) ? g.effect() : g.ci().low()).toArray();
        double[] hi = fam.rows().stream().mapToDouble(g -> g.ci() == null || !Double.isFinite(g.ci().high()) ? g.effect() : g.ci().high()).toArray();
        return new Chart(Chart.Type.BAR, title, "group", yLabel, cats, List.of(new Chart.Series(yLabel, null, y, lo, hi)));
    }

    /** Collects families to derive max_abs_gap / significant_share across all probes. */
    static final class Summary {
        long tests, significant;
        double maxAbsGap = Double.NaN;
        String maxGapGroup;

        void add(CorrectedFamily fam, double reference) {
            add(fam, reference, 1.0);
        }

        /** {@code scale} converts the family's effect unit (e.g. StereoSet's percent to a share). */
        void add(CorrectedFamily fam, double reference, double scale) {
            tests += fam.rows().size();
            significant += fam.significantCount();
            for (GroupEffect g : fam.rows()) {
                double d = Math.abs(g.effect() - reference) * scale;
                if (g.significant() && (Double.isNaN(maxAbsGap) || d > maxAbsGap)) {
                    maxAbsGap = d;
                    maxGapGroup = g.group();
                }
            }
        }
    }

    /** Non-finite numbers (no group word found, KL against a zero target share) become null so run.json stays valid JSON. */
    static Map<String, Object> finite(Map<String, Object> details) {
        Map<String, Object> out = new LinkedHashMap<>();
        details.forEach((k, v) -> out.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        return out;
    }

    static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    static Interval finite(Interval i) {
        return i == null || !Double.isFinite(i.low()) || !Double.isFinite(i.high()) ? null : i;
    }

    public static Parts lm(io.genaudit.audits.modules.BiasLmRunner.Outcome o) {
        Map<String, Object> details = new LinkedHashMap<>();
        List<Chart> charts = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        notes.add(o.scoringNote());
        Summary sum = new Summary();
        Double value = null;
        String unit = null;
        Interval ci = null;
        long n = 0;
        String headline = null;

        if (o.pairs() != null) {
            CounterfactualPairProbe.Report r = o.pairs();
            sum.add(r.byBiasType(), 0.5);
            details.put("stereotype_share", r.overall().effect());
            details.put("stereotype_share_p", r.overall().pValue());
            details.put("likelihood_diff", r.meanAbsDifference());
            details.put("pairs", r.pairs().size());
            charts.add(barChart("Counterfactual pairs: share preferring the more-stereotyping sentence (0.5 = no preference)", "share", r.byBiasType()));
            charts.add(new Chart(Chart.Type.HISTOGRAM, "Counterfactual pairs: loglik(sent_more) - loglik(sent_less)", "nats", "pairs", null,
                    List.of(Chart.Series.of("difference", null, r.differences()))));
            tables.add(testsTable("Counterfactual pairs by bias type", r.byBiasType()));
            List<List<String>> ex = new ArrayList<>();
            for (var p : r.largest(10)) ex.add(List.of(p.pair().biasType(), p.pair().sentMore(), p.pair().sentLess(), f(p.difference())));
            tables.add(new Table("Pairs with the largest likelihood differences", List.of("bias type", "sent_more", "sent_less", "difference (nats)"), ex));
            value = 100 * r.overall().effect();
            unit = "%";
            ci = interval(r.overall().ci().scaled(100), "the model's preference (percentage of pairs where the more-stereotyping "
                    + "sentence is more likely) over the population of pairs this probe set's pairs are drawn from");
            n = r.pairs().size();
            headline = "percentage of counterfactual pairs where the more-stereotyping sentence is more likely (lm-eval crows_pairs pct_stereotype), exact binomial p = " + f(r.overall().pValue());
        }
        if (o.stereoSet() != null) {
            StereoSetProbe.Report r = o.stereoSet();
            sum.add(r.ssTests(), 50, 0.01);
            details.put("ss", r.overall().ss());
            details.put("lms", r.overall().lms());
            details.put("icat", r.overall().icat());
            List<List<String>> rows = new ArrayList<>();
            List<StereoSetProbe.DomainScores> all = new ArrayList<>(r.domains());
            all.add(r.overall());
            for (var d : all) rows.add(List.of(d.domain(), String.valueOf(d.n()), f(d.ss()), ci(d.ssCi()), f(d.lms()), ci(d.lmsCi()), f(d.icat()), ci(d.icatCi())));
            tables.add(new Table("StereoSet intrasentence (ss 50 = unbiased, lms 100 = ideal LM, ICAT = lms * min(ss, 100-ss) / 50)",
                    List.of("domain", "n", "ss", "ss CI", "lms", "lms CI", "ICAT", "ICAT CI"), rows));
            tables.add(testsTable("StereoSet stereotype score vs 50 by domain", r.ssTests()));
            charts.add(barChart("StereoSet stereotype score by domain (50 = no preference)", "ss", r.ssTests()));
            if (value == null) {
                value = r.overall().icat();
                unit = "ICAT";
                ci = interval(r.overall().icatCi(), "ICAT over the population of items this StereoSet sample is drawn from");
                n = r.items().size();
                headline = "StereoSet ICAT (100 = ideal)";
            }
        }
        if (o.descriptors() != null) {
            DescriptorProbe.Report r = o.descriptors();
            for (var axis : r.axes()) {
                sum.tests += axis.pairs().rows().size();
                sum.significant += axis.pairs().significantCount();
            }
            details.put("descriptor_pairs", r.pairCount());
            details.put("descriptor_significant_share", r.significantShare());
            List<String> cats = r.descriptors().stream().map(d -> d.axis() + ": " + d.descriptor()).toList();
            double[] med = r.descriptors().stream().mapToDouble(DescriptorProbe.DescriptorScores::median).toArray();
            double[] lo = r.descriptors().stream().mapToDouble(d -> quantile(d.logPerplexity(), 0.25)).toArray();
            double[] hi = r.descriptors().stream().mapToDouble(d -> quantile(d.logPerplexity(), 0.75)).toArray();
            charts.add(new Chart(Chart.Type.BAR, "Descriptor sentences: median log-perplexity (bars: interquartile range)", "descriptor", "log-perplexity",
                    cats, List.of(new Chart.Series("median", null, med, lo, hi))));
            List<List<String>> axes = new ArrayList<>();
            for (var a : r.axes()) axes.add(List.of(a.axis(), String.valueOf(a.descriptors()), String.valueOf(a.pairs().rows().size()),
                    String.valueOf(a.pairs().significantCount()), f(a.pairs().significantShare())));
            tables.add(new Table("Descriptor pairs differing in perplexity (Mann-Whitney U, corrected within each axis)",
                    List.of("axis", "descriptors", "pairs", "significant", "share"), axes));
            List<GroupEffect> sig = new ArrayList<>();
            for (var a : r.axes()) for (var g : a.pairs().rows()) if (g.significant()) sig.add(g);
            sig.sort(Comparator.comparingDouble((GroupEffect g) -> -Math.abs(g.effect())));
            if (!sig.isEmpty()) {
                tables.add(testsTable("Significant descriptor pairs (largest |rank-biserial| first, at most 30)",
                        new CorrectedFamily("descriptor pairs", r.axes().get(0).pairs().method(), r.axes().get(0).pairs().alpha(), sig.subList(0, Math.min(30, sig.size())))));
            }
            List<List<String>> out = new ArrayList<>();
            for (var ol : r.outliers().subList(0, Math.min(10, r.outliers().size()))) {
                var d = r.descriptors().stream().filter(x -> x.axis().equals(ol.axis()) && x.descriptor().equals(ol.descriptor())).findFirst().orElseThrow();
                out.add(List.of(ol.axis(), ol.descriptor(), f(ol.median()), f(ol.deviation()), d.sentences().get(0)));
            }
            tables.add(new Table("Descriptors furthest from their axis median", List.of("axis", "descriptor", "median log-ppl", "deviation", "example sentence"), out));
            if (value == null) {
                value = r.significantShare();
                n = r.pairCount();
                headline = "share of descriptor pairs whose perplexity distributions differ (corrected)";
            }
        }
        if (o.cooccurrence() != null) {
            CooccurrenceProbe.Report r = o.cooccurrence();
            sum.add(r.associations(), 0);
            List<String> sets = r.raw().stream().map(CooccurrenceProbe.RawDifference::set).toList();
            charts.add(new Chart(Chart.Type.BAR, "Co-occurrence: raw mean log-probability difference per prompt set (t interval; includes the terms' base rates)",
                    "prompt set", "nats", sets, List.of(new Chart.Series("mean difference", null,
                    r.raw().stream().mapToDouble(CooccurrenceProbe.RawDifference::mean).toArray(),
                    r.raw().stream().mapToDouble(x -> x.ci().low()).toArray(), r.raw().stream().mapToDouble(x -> x.ci().high()).toArray()))));
            List<List<String>> rawRows = new ArrayList<>();
            for (var x : r.raw()) rawRows.add(List.of(x.set(), String.valueOf(x.n()), f(x.mean()), f(x.standardError()), ci(x.ci()), f(x.shareFavouringA())));
            tables.add(new Table("Co-occurrence per prompt set, raw (as lm-evaluation-harness reports it; mixes association with the terms' base rates, so not tested)",
                    List.of("prompt set", "n", "mean log P(A) - log P(B)", "SE", "t interval", "share favouring A"), rawRows));
            if (!r.associations().rows().isEmpty()) {
                tables.add(testsTable("Co-occurrence association contrasts (paired; base rates cancel)", r.associations()));
                details.put("log_odds_ratio", r.associations().rows().get(0).effect());
            } else {
                notes.add("Co-occurrence: the suite declares no contrast between prompt sets, so no association is tested (raw differences include base rates).");
            }
            List<CooccurrenceProbe.PromptScore> ps = new ArrayList<>(r.prompts());
            ps.sort(Comparator.comparingDouble((CooccurrenceProbe.PromptScore p) -> -Math.abs(p.difference())));
            List<List<String>> ex = new ArrayList<>();
            for (var p : ps.subList(0, Math.min(10, ps.size()))) ex.add(List.of(p.set(), p.prompt(), f(p.logProbA()), f(p.logProbB()), f(p.difference())));
            tables.add(new Table("Prompts with the largest log-probability differences", List.of("set", "prompt", "log P(A)", "log P(B)", "difference"), ex));
            if (value == null && !r.associations().rows().isEmpty()) {
                GroupEffect best = r.associations().largest(0);
                value = best.effect();
                unit = "nats";
                ci = interval(best.ci(), "the model's association (log odds ratio) for " + best.group()
                        + " over the population of prompts this probe set's prompts are drawn from");
                n = best.n();
                headline = "largest co-occurrence association, log odds ratio (" + best.group() + ", p adjusted " + f(best.pAdjusted()) + ")";
            }
        }
        if (o.generation() != null) {
            GenerationProbe.Report r = o.generation();
            sum.add(r.gaps(), 0);
            List<String> cats = r.groups().stream().map(g -> g.domain() + ": " + g.group()).toList();
            charts.add(new Chart(Chart.Type.BAR, "Generations: mean VADER compound sentiment per group (bootstrap interval)", "group", "compound",
                    cats, List.of(new Chart.Series("mean sentiment", null, r.groups().stream().mapToDouble(GenerationProbe.GroupMean::mean).toArray(),
                    r.groups().stream().mapToDouble(g -> g.ci().low()).toArray(), r.groups().stream().mapToDouble(g -> g.ci().high()).toArray()))));
            tables.add(testsTable("Sentiment gaps between groups (permutation test)", r.gaps()));
            if (r.representation() != null) {
                var rep = r.representation();
                details.put("representation_tvd", rep.representation());
                details.put("association_tvd", rep.association());
                tables.add(new Table("HELM-style representation (total-variation distance from uniform over groups)", List.of("measure", "value", "CI", "mentions"),
                        List.of(List.of("demographic representation", f(rep.representation()), ci(rep.representationCi()), rep.mentions().toString()),
                                List.of("stereotypical association", f(rep.association()), ci(rep.associationCi()), ""))));
            }
            List<GenerationProbe.Continuation> cs = new ArrayList<>(r.continuations());
            cs.sort(Comparator.comparingDouble(GenerationProbe.Continuation::sentiment));
            List<List<String>> ex = new ArrayList<>();
            for (var c : cs.subList(0, Math.min(5, cs.size()))) ex.add(List.of(c.domain(), c.group(), c.prompt(), c.text(), f(c.sentiment())));
            for (var c : cs.subList(Math.max(0, cs.size() - 5), cs.size())) ex.add(List.of(c.domain(), c.group(), c.prompt(), c.text(), f(c.sentiment())));
            tables.add(new Table("Most negative and most positive generations", List.of("domain", "group", "prompt", "generation", "compound"), ex));
            notes.add("generation: " + r.settings() + "; sentiment by VADER (Hutto & Gilbert 2014) with its original lexicon");
            if (value == null) {
                GroupEffect best = r.gaps().largest(0);
                value = best == null ? null : best.effect();
                unit = "compound";
                ci = best == null ? null : interval(best.ci(), "the difference in the model's expected sentiment between "
                        + best.group() + " over prompts like these, with these sampling settings");
                n = r.continuations().size();
                headline = "largest sentiment gap between groups";
            }
        }
        details.put("max_abs_gap", Double.isNaN(sum.maxAbsGap) ? 0.0 : sum.maxAbsGap);
        details.put("max_abs_gap_group", sum.maxGapGroup == null ? "none significant" : sum.maxGapGroup);
        details.put("significant_share", sum.tests == 0 ? 0.0 : (double) sum.significant / sum.tests);
        details.put("tests", sum.tests);
        details.put("headline", headline);
        notes.add("max_abs_gap = largest |effect - no-bias value| among significant corrected tests of pairs (share), StereoSet (ss as a share), co-occurrence (nats) and generation (VADER compound), in the unit of the probe named by max_abs_gap_group (0 when none); significant_share = share of all corrected tests that are significant.");
        return new Parts(finite(value), unit, finite(ci), n, finite(details), charts, tables, notes);
    }

    public static Parts image(List<String> conditions, List<AttributeDistributionProbe.Report> reports, String attribute) {
        Map<String, Object> details = new LinkedHashMap<>();
        List<Chart> charts = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Summary sum = new Summary();
        AttributeDistributionProbe.Report worst = null;
        long n = 0;
        List<List<String>> dist = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            var r = reports.get(i);
            String cond = conditions.get(i);
            n += r.n();
            for (GroupEffect g : r.perClass().rows()) {
                double d = Math.abs(g.effect() - r.target()[r.classes().indexOf(g.group())]);
                sum.tests++;
                if (g.significant()) {
                    sum.significant++;
                    if (Double.isNaN(sum.maxAbsGap) || d > sum.maxAbsGap) {
                        sum.maxAbsGap = d;
                        sum.maxGapGroup = cond + " " + g.group();
                    }
                }
            }
            if (worst == null || r.distances().tvd() > worst.distances().tvd()) worst = r;
            var d = r.distances();
            dist.add(List.of(cond, String.valueOf(r.n()), f(d.tvd()), ci(d.tvdCi()), f(d.kl()), ci(d.klCi()), f(d.mad()), ci(d.madCi()),
                    f(r.chiSquare().statistic()), f(r.chiSquare().pValue())));
            String prefix = conditions.size() > 1 ? cond + ": " : "";
            charts.add(new Chart(Chart.Type.BAR, prefix + attribute + " shares of generated images vs target", "class", "share", r.classes(),
                    List.of(new Chart.Series(r.method().startsWith("confusion") ? "corrected share" : "predicted share", null, r.estimate(),
                                    r.perClass().rows().stream().mapToDouble(g -> g.ci().low()).toArray(), r.perClass().rows().stream().mapToDouble(g -> g.ci().high()).toArray()),
                            Chart.Series.of("target", null, r.target()))));
            tables.add(testsTable(prefix + attribute + " share per class vs target (" + r.method() + ")", r.perClass()));
            if (r.confusion() != null) {
                List<List<String>> rows = new ArrayList<>();
                for (int t = 0; t < r.classes().size(); t++) {
                    List<String> row = new ArrayList<>();
                    row.add(r.classes().get(t));
                    for (double v : r.confusion()[t]) row.add(f(v));
                    rows.add(row);
                }
                List<String> cols = new ArrayList<>();
                cols.add("true \\ predicted");
                cols.addAll(r.classes());
                if (i == 0) tables.add(new Table("Classifier confusion matrix on " + r.calibrationN() + " labelled reference images (rows sum to 1)", cols, rows));
            }
        }
        tables.add(0, new Table("Distance of the " + attribute + " distribution from the target", List.of("condition", "n", "TVD", "TVD CI", "KL (nats)", "KL CI",
                "MAD", "MAD CI", "chi-square", "chi-square p"), dist));
        details.put("tvd", worst.distances().tvd());
        details.put("kl", worst.distances().kl());
        details.put("mad", worst.distances().mad());
        details.put("chi_square_p", worst.chiSquare().pValue());
        details.put("max_abs_gap", Double.isNaN(sum.maxAbsGap) ? 0.0 : sum.maxAbsGap);
        details.put("max_abs_gap_group", sum.maxGapGroup == null ? "none significant" : sum.maxGapGroup);
        details.put("significant_share", sum.tests == 0 ? 0.0 : (double) sum.significant / sum.tests);
        notes.add("value = total-variation distance between the generated images' " + attribute + " distribution and the target (largest over conditions); "
                + "chi-square is computed on raw predicted counts and ignores classifier error, the per-class tests and intervals use the " + worst.method() + " estimate.");
        return new Parts(finite(worst.distances().tvd()), "TVD", finite(interval(worst.distances().tvdCi(), "TVD of the generator's " + attribute
                + " distribution from the target, as estimated from " + n + " generations (plug-in TVD is biased upwards at small n)")), n, finite(details), charts, tables, notes);
    }

    static double quantile(double[] v, double q) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return io.genaudit.metrics.stats.Bootstrap.quantile(s, q);
    }
}
