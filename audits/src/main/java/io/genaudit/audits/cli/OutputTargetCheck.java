package io.genaudit.audits.cli;

import io.genaudit.audits.plan.Problems;
import io.genaudit.engine.InputException;
import io.genaudit.engine.io.AtomicFolder;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Checks a command's output options before the command does any work: {@code --json} and {@code --save-stats} (and
 * {@code --out} of commands that write one file) must name a file whose folder can be written, {@code --out} of
 * {@code compare} a folder it may replace, {@code --out} of {@code train} a model folder. All problems together;
 * {@code audit} and {@code demo} check their outputs in their own preflight.
 */
final class OutputTargetCheck {
    /** Options that always name one output file. */
    private static final Set<String> FILE_OPTIONS = Set.of("--json", "--save-stats");
    /** Commands whose {@code --out} is one file. */
    private static final Set<String> FILE_OUT = Set.of("history", "detector", "bundle", "card", "keygen");
    /** Commands whose {@code --out} is a model folder (resumable, so it may hold files). */
    private static final Set<String> MODEL_OUT = Set.of("transformer", "dcgan", "vae");

    private OutputTargetCheck() {
    }

    /** Throws an InputException listing every unusable output target of the command {@code pr} will run. */
    static void check(CommandLine.ParseResult pr) {
        CommandLine.ParseResult leaf = pr;
        while (leaf.subcommand() != null) leaf = leaf.subcommand();
        String command = leaf.commandSpec().name();
        Problems problems = new Problems(Map.of());
        for (CommandLine.Model.OptionSpec o : leaf.matchedOptions()) {
            if (!(o.getValue() instanceof Path p)) continue;
            String name = o.longestName();
            String what = name + " " + p;
            if (FILE_OPTIONS.contains(name) || (name.equals("--out") && FILE_OUT.contains(command))) {
                fileTarget(what, p, problems);
            } else if (name.equals("--out") && MODEL_OUT.contains(command)) {
                if (Files.exists(p) && !Files.isDirectory(p)) problems.add(new InputException(what, "exists and is not a folder (a model folder expected)"));
            } else if (name.equals("--out") && command.equals("compare")) {
                String why = AtomicFolder.problem(p);
                if (why != null) problems.add(new InputException(what, why));
            }
        }
        problems.throwIfAny();
    }

    private static void fileTarget(String what, Path p, Problems problems) {
        if (Files.isDirectory(p)) {
            problems.add(new InputException(what, "names a folder; a file path expected"));
            return;
        }
        Path parent = p.toAbsolutePath().normalize().getParent();
        while (parent != null && !Files.exists(parent)) parent = parent.getParent();
        if (parent == null || !Files.isDirectory(parent)) problems.add(new InputException(what, "its folder cannot be created"));
        else if (!Files.isWritable(parent) || (Files.exists(p) && !Files.isWritable(p))) problems.add(new InputException(what, "cannot be written (permission denied)"));
    }
}
