package dev.benchwatch.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code benchwatch} command. Without a subcommand it opens the console on the simulator bench; every
 * capability of the engine is also reachable from the subcommands, without a display.
 */
@Command(name = "benchwatch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Real-time monitoring for lab benches: serial, USB-serial and MQTT sensors.")
public final class BenchwatchMain implements java.util.concurrent.Callable<Integer> {
    /**
     * The subcommands, added by {@link #commandLine} rather than by the annotation so that opening the console
     * can skip building their models (picocli reflects over every option of every subcommand: a third of a
     * second of a cold start, see docs/BENCHMARKS.md, "Startup").
     */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(EngineDemoCommand.class, PortsCommand.class,
            TailCommand.class, ValidateCommand.class, RunCommand.class, ExportCommand.class, ReplayCommand.class,
            BacktestCommand.class, DetectCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--theme", paramLabel = "dark|light", description = "Console theme (default: the last one used, else dark).")
    String theme;

    @CommandLine.Option(names = "--screenshot", paramLabel = "OUT.png",
            description = "Open the console, let live data flow, write a PNG of the main window and exit 0.")
    java.nio.file.Path screenshot;

    @CommandLine.Option(names = "--after", defaultValue = "3s", paramLabel = "DURATION",
            description = "With --screenshot: how long data flows first (default: ${DEFAULT-VALUE}).")
    java.time.Duration after;

    @CommandLine.Option(names = "--view", defaultValue = "MAIN", paramLabel = "main|alarms|triggers|device_dialog|trigger_editor",
            description = "With --screenshot: the main window (default), the alarms and event log, the trigger list, or the MQTT device dialog.")
    ConsoleLauncher.View view;

    @CommandLine.Option(names = "--smoke",
            description = "Open the console on the demo bench, exit 0 once a frame with live data is on screen "
                    + "(prints how long that took since the process started); exit 1 if none within 30 s.")
    boolean smoke;

    @CommandLine.Option(names = "--demo", description = "Open the built-in demo bench (simulated devices) instead of the last workspace.")
    boolean demo;

    @CommandLine.Option(names = "--workspace", paramLabel = "FILE", description = "Open a workspace file (default: the last one opened, else the built-in demo).")
    java.nio.file.Path workspace;

    public static void main(String[] args) {
        StartupArchive.prepareDirectory();
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (tests call this instead of main). */
    public static int run(String... args) {
        if (opensTheConsole(args)) {
            if (!asksForTheVersion(args)) {
                // GTK's start and the logging's set-up overlap parsing the arguments rather than following it
                ToolkitStartup.begin();
                Thread.ofPlatform().daemon().name("logging-startup").start(org.slf4j.LoggerFactory::getILoggerFactory);
            }
            CommandLine consoleOnly = commandLine(System.getenv(), false);
            if (parses(consoleOnly, args)) {
                return consoleOnly.execute(args);
            }
            // the whole command line gives the error, with its suggestions ("did you mean run?")
        }
        return commandLine().execute(args);
    }

    /**
     * Whether {@code args} can only mean the console: no argument names a subcommand or asks for help. Then the
     * subcommands' models are not needed, and a console that parses without error skips building them.
     */
    static boolean opensTheConsole(String... args) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Class<?> subcommand : SUBCOMMANDS) {
            names.add(subcommand.getAnnotation(Command.class).name());
        }
        for (String arg : args) {
            if (names.contains(arg) || arg.equals("-h") || arg.equals("--help")) {
                return false;
            }
        }
        return true;
    }

    private static boolean parses(CommandLine commandLine, String... args) {
        try {
            commandLine.parseArgs(args);
            return true;
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    private static boolean asksForTheVersion(String... args) {
        java.util.List<String> given = java.util.List.of(args);
        return given.contains("-V") || given.contains("--version");
    }

    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The command line with commands that read secrets from {@code environment} (tests pass their own). */
    static CommandLine commandLine(java.util.Map<String, String> environment) {
        return commandLine(environment, true);
    }

    private static CommandLine commandLine(java.util.Map<String, String> environment, boolean withSubcommands) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == TailCommand.class ? type.cast(new TailCommand(environment)) : defaults.create(type);
            }
        };
        CommandLine commandLine = new CommandLine(new BenchwatchMain(), factory);
        if (withSubcommands) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                commandLine.addSubcommand(subcommand);
            }
        }
        commandLine.registerConverter(java.time.Duration.class, new DurationConverter());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    @Override
    public Integer call() throws Exception {
        java.io.PrintWriter err = spec.commandLine().getErr();
        dev.benchwatch.ui.Theme chosen;
        try {
            chosen = theme == null ? null : dev.benchwatch.ui.Theme.parse(theme);
        } catch (IllegalArgumentException e) {
            err.println("benchwatch: " + e.getMessage());
            return 2;
        }
        return ConsoleLauncher.run(new ConsoleLauncher.Request(chosen, screenshot, after, view, workspace, demo, smoke), spec.commandLine().getOut(), err);
    }
}
