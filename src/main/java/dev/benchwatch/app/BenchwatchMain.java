package dev.benchwatch.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code benchwatch} command. Every capability of the engine is reachable from here without a display;
 * the console (issue 4) will open when no subcommand is given.
 */
@Command(name = "benchwatch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Real-time monitoring for lab benches: serial, USB-serial and MQTT sensors.",
        subcommands = {EngineDemoCommand.class, PortsCommand.class, TailCommand.class,
                CommandLine.HelpCommand.class})
public final class BenchwatchMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (tests call this instead of main). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The command line with commands that read secrets from {@code environment} (tests pass their own). */
    static CommandLine commandLine(java.util.Map<String, String> environment) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == TailCommand.class ? type.cast(new TailCommand(environment)) : defaults.create(type);
            }
        };
        CommandLine commandLine = new CommandLine(new BenchwatchMain(), factory);
        commandLine.registerConverter(java.time.Duration.class, new DurationConverter());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().getOut().println("The console is not built yet; use a subcommand.");
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
