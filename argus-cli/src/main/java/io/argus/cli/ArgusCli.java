package io.argus.cli;

import io.argus.core.Argus;
import io.argus.core.CancelledException;
import io.argus.core.io.DataFormatException;
import io.argus.core.model.ModelFileException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code argus} command: list methods, fit and score models, run benchmarks and the demo. Errors
 * print one line, {@code argus: error: ...}, and exit with status 1 (2 for a malformed command line).
 */
@Command(name = "argus", mixinStandardHelpOptions = true, versionProvider = ArgusCli.Version.class,
        description = "Anomaly detection for the JVM: one contract, one metrics library, one benchmark runner.",
        subcommands = {MethodsCommand.class, FitCommand.class, ScoreCommand.class, DatasetsCommand.class, BenchCommand.class,
                DemoCommand.class, EvalCommand.class, io.argus.cli.models.ModelsCommand.class, io.argus.cli.logs.LogsCommand.class,
                io.argus.cli.ts.TsCommand.class, CommandLine.HelpCommand.class})
public final class ArgusCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit status. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ArgusCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable t = e;
            if (t instanceof UncheckedIOException u && u.getCause() != null) {
                t = u;
            }
            String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (t instanceof UncheckedIOException u && u.getCause() != null && u.getCause().getMessage() != null
                    && !msg.contains(u.getCause().getMessage())) {
                msg = msg + ": " + u.getCause().getMessage();
            }
            if (!(t instanceof IllegalArgumentException || t instanceof DataFormatException || t instanceof ModelFileException
                    || t instanceof UncheckedIOException || t instanceof CancelledException || t instanceof IllegalStateException)) {
                msg = t.getClass().getSimpleName() + ": " + msg;
            }
            commandLine.getErr().println("argus: error: " + msg);
            if (System.getenv("ARGUS_DEBUG") != null) {
                t.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The entry point. */
    public static void main(String[] args) {
        NeuralMethods.configureEngine();
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    /** Prints the version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"argus " + Argus.version() + " (Java " + Runtime.version() + ")"};
        }
    }
}
