package dev.benchwatch.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the benchwatch command line in-process and keeps its exit status, stdout and stderr. */
record CliRun(int status, String out, String err) {
    static CliRun of(String... args) {
        return withEnvironment(java.util.Map.of(), args);
    }

    /** With {@code environment} in place of the process's (for --password-env and the like). */
    static CliRun withEnvironment(java.util.Map<String, String> environment, String... args) {
        CommandLine cli = BenchwatchMain.commandLine(environment);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
