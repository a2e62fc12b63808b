package io.genaudit.audits.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.ServiceLoader;
import java.util.concurrent.Callable;

/**
 * {@code genaudit train ARCH ...}: trains a built-in model (transformer, dcgan, vae) or a detector. Each architecture
 * is its own picocli command implementing {@link TrainSubcommand}, found with ServiceLoader.
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a built-in model or a detector.")
public final class TrainCommand implements GenauditSubcommand, Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Marker for a {@code train} subcommand (META-INF/services/io.genaudit.audits.cli.TrainCommand$TrainSubcommand). */
    public interface TrainSubcommand {
    }

    public TrainCommand() {
    }

    /** Adds every registered architecture as a subcommand; called by {@link Main}. */
    static void addArchitectures(CommandLine train) {
        for (TrainSubcommand t : ServiceLoader.load(TrainSubcommand.class)) {
            train.addSubcommand(t);
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return ExitCodes.BAD_INPUT;
    }
}
