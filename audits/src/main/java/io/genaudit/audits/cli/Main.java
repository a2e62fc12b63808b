package io.genaudit.audits.cli;

import io.genaudit.audits.GenauditVersion;
import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.ServiceLoader;

/** Entry point of the {@code genaudit} command line. */
@Command(name = "genaudit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Audit and evaluate generative models: plans, metrics, gates, reports.")
public final class Main implements Runnable {
    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error (also: GENAUDIT_DEBUG=1).")
    boolean debug;

    @Option(names = "--device", scope = ScopeType.INHERIT, paramLabel = "cpu|cuda[:N]",
            description = "Device for built-in and TorchScript models (default cpu; overrides a plan's device:). cuda needs a build with -Pcuda and a GPU.")
    void device(String device) {
        DeviceChoice.commandLine(device);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Builds the command line with every registered subcommand and the exit-code mapping ({@link FailureReport}). */
    public static CommandLine commandLine() {
        DeviceChoice.reset();
        CommandLine cl = new CommandLine(new Main());
        for (GenauditSubcommand sub : ServiceLoader.load(GenauditSubcommand.class)) {
            cl.addSubcommand(sub);
        }
        for (Metric<?, ?, ?, ?> metric : MetricCatalog.all().values()) {
            cl.addSubcommand(MetricCommand.commandLine(metric));
        }
        CommandLine train = new CommandLine(new TrainCommand());
        TrainCommand.addArchitectures(train);
        cl.addSubcommand(train);
        CommandLine.IExecutionStrategy last = new CommandLine.RunLast();
        cl.setExecutionStrategy(parseResult -> {
            try {
                DeviceChoice.applyCommandLine();
                OutputTargetCheck.check(parseResult);
                return last.execute(parseResult);
            } catch (OutOfMemoryError | StackOverflowError e) {
                // picocli hands only Exceptions to the handler: wrap errors so they get the same mapping
                throw new CommandLine.ExecutionException(parseResult.commandSpec().commandLine(), e.toString(), e);
            } catch (io.genaudit.engine.InputException e) {
                throw new CommandLine.ExecutionException(parseResult.commandSpec().commandLine(), e.getMessage(), e);
            }
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) ->
                FailureReport.of(ex).print(cmd.getErr(), debugRequested(parseResult)));
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("genaudit: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }

    /** True when {@code --debug} was given to any command on the line, or GENAUDIT_DEBUG is set. */
    static boolean debugRequested(CommandLine.ParseResult pr) {
        String env = System.getenv("GENAUDIT_DEBUG");
        if (env != null && !env.isBlank() && !env.equals("0")) return true;
        for (CommandLine.ParseResult r = pr; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) return true;
        }
        return false;
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
