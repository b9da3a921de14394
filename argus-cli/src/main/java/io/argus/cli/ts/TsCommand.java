package io.argus.cli.ts;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code argus ts}: time-series tools. */
@Command(name = "ts", description = "Time-series tools.", subcommands = {DiagnoseCommand.class})
public final class TsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
