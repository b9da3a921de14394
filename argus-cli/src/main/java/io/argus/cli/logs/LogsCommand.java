package io.argus.cli.logs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code argus logs}: log parsing and log anomaly detection. */
@Command(name = "logs", description = "Log parsing (Drain) and log anomaly detection.",
        subcommands = {ParseLogsCommand.class, DetectLogsCommand.class, CommandLine.HelpCommand.class})
public final class LogsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
