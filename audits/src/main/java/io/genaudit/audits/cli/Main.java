package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.ServiceLoader;

/** Entry point of the {@code genaudit} command line. */
@Command(name = "genaudit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Audit and evaluate generative models: plans, metrics, gates, reports.")
public final class Main implements Runnable {

    @Option(names = "--device", scope = ScopeType.INHERIT, paramLabel = "cpu|cuda[:N]",
            description = "Device for built-in and TorchScript models (default cpu; overrides a plan's device:). cuda needs a build with -Pcuda and a GPU.")
    void device(String device) {
        DeviceChoice.commandLine(device);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Builds the command line with every registered subcommand and the exit-code mapping. */
    public static CommandLine commandLine() {
        DeviceChoice.reset();
        CommandLine cl = new CommandLine(new Main());
        for (GenauditSubcommand sub : ServiceLoader.load(GenauditSubcommand.class)) {
            cl.addSubcommand(sub);
        }
        CommandLine train = new CommandLine(new TrainCommand());
        TrainCommand.addArchitectures(train);
        cl.addSubcommand(train);
        cl.setExecutionStrategy(parseResult -> {
            try {
                DeviceChoice.applyCommandLine();
            } catch (InputException e) {
                parseResult.commandSpec().commandLine().getErr().println("genaudit: error: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            Throwable t = ex;
            while (t != null && !(t instanceof InputException) && t.getCause() != null && t.getCause() != t) {
                if (t instanceof InputException) break;
                t = t.getCause();
            }
            if (t instanceof InputException ie) {
                cmd.getErr().println("genaudit: error: " + ie.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            cmd.getErr().println("genaudit: internal error: " + ex);
            ex.printStackTrace(cmd.getErr());
            return ExitCodes.INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("genaudit: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }

    public static void main(String[] args) {
        // nothing is downloaded at run time; a -Pcuda build may pass -Dai.djl.offline=false once to fetch its natives
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        System.exit(commandLine().execute(args));
    }

    /** Reports the genaudit version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"genaudit " + GenauditVersion.get()};
        }
    }
}
