package io.argus.cli;

import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
import io.argus.core.params.ParamSpec;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code argus methods [NAME]}: the registered methods, or one method's parameters. */
@Command(name = "methods", description = "List the methods, or show one method's parameters.")
final class MethodsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "METHOD", description = "show this method's parameters")
    String method;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        MethodRegistry registry = MethodRegistry.load();
        if (method == null) {
            int width = Math.max(12, registry.all().stream().mapToInt(e -> e.name().length()).max().orElse(0));
            String row = "%-" + width + "s %-8s %s%n";
            out.printf(row, "METHOD", "DATA", "SUMMARY");
            boolean anyNeural = false;
            for (MethodRegistry.Entry e : registry.all()) {
                boolean neural = NeuralMethods.isNeural(e.provider());
                anyNeural |= neural;
                out.printf(row, e.name(), e.provider().modality(), (neural ? NeuralMethods.MARK + " " : "") + e.provider().summary());
            }
            out.println();
            if (anyNeural) {
                out.println(NeuralMethods.MARK + " trains a neural network with DJL + PyTorch (CPU); " + NeuralMethods.FIRST_USE + ".");
            }
            out.println("`argus methods NAME` shows a method's parameters and paper.");
            return;
        }
        MethodRegistry.Entry e = registry.get(method);
        MethodProvider<?, ?> p = e.provider();
        out.println(p.name() + ": " + p.summary());
        out.println("data:  " + p.modality());
        out.println("paper: " + p.paper().cite());
        if (NeuralMethods.isNeural(p)) {
            out.println("engine: DJL + PyTorch (CPU); " + NeuralMethods.FIRST_USE);
        }
        out.println(p.deterministic() ? "deterministic: the seed does not change results" : "randomised: results depend on --seed");
        out.println();
        if (e.params().isEmpty()) {
            out.println("no parameters");
            return;
        }
        out.printf("%-12s %-8s %-10s %-16s %s%n", "PARAMETER", "TYPE", "DEFAULT", "RANGE", "DESCRIPTION");
        for (ParamSpec s : e.params()) {
            out.printf("%-12s %-8s %-10s %-16s %s%n", s.name(), s.type(), s.defaultText(), s.range(), s.doc());
        }
        out.println();
        out.println("Set with --param NAME=VALUE on `argus fit`.");
    }
}
