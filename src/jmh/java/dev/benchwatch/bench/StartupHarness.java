package dev.benchwatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Startup of the packaged application: time from launch to the first frame with live data ({@code --smoke},
 * which prints it measured from the process's start, then when the whole console is in) of both launchers,
 * {@code bin/benchwatch} and the desktop entry's {@code bin/benchwatch-console} (which maps an archive of the
 * console's classes written by its first start), against the time of {@code java -version} of the same bundled
 * runtime, all measured N times in the same run, interleaved so a change in the machine's load hits them alike.
 * The target: first frame <= 1.5 s. Reports medians, and the console launcher's first start apart.
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1920x1200x24" mvn -B -q -P bench validate exec:exec@startup [-Dbench.args="--runs 10"]
 * options: --image DIR (target/packaging/app-image/benchwatch; built with packaging/package.sh when missing)
 *          --runs N (10) --strict (exit 2 when the target is missed)
 * </pre>
 */
public final class StartupHarness {
    static final long TARGET_MILLIS = 1500;
    private static final Pattern FIRST_FRAME = Pattern.compile("first frame with live data after (\\d+) ms");

    public static void main(String[] args) throws Exception {
        Path image = Path.of("target/packaging/app-image/benchwatch");
        int runs = 10;
        boolean strict = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--image" -> image = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--strict" -> strict = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (System.getenv("DISPLAY") == null) {
            System.err.println("StartupHarness: needs a display; run it under xvfb-run -a -s \"-screen 0 1920x1200x24\"");
            System.exit(2);
        }
        Path launcher = image.resolve("bin/benchwatch");
        Path consoleLauncher = image.resolve("bin/benchwatch-console");
        Path java = image.resolve("lib/runtime/bin/java");
        if (!Files.isExecutable(launcher) || !Files.isExecutable(consoleLauncher)) {
            System.out.println("no app image with both launchers at " + image
                    + ": building it with packaging/package.sh --type app-image");
            Result build = run(List.of("bash", "packaging/package.sh", "--type", "app-image"), 900,
                    Path.of(System.getProperty("user.home")));
            if (build.status() != 0) {
                System.err.println(build.output());
                System.exit(1);
            }
        }
        // a home of its own: no remembered workspace, and the console launcher starts without its archive
        Path home = Files.createTempDirectory("startup-home");
        System.out.println("machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs; load average " + loadAverage() + "; HOME " + home);
        System.out.println("runtime: " + firstLine(run(List.of(java.toString(), "-version"), 60, home).output()));
        // untimed once: the page cache, and JavaFX's first-run extraction of its natives to ~/.openjfx
        run(List.of(java.toString(), "-version"), 60, home);
        run(List.of(launcher.toString(), "--smoke"), 120, home);
        // the console launcher's first start writes its class archive when it exits: timed, reported apart
        Smoke first = smoke(consoleLauncher, home);
        System.out.printf("console launcher, first start (writes its archive at exit): first frame %d ms, whole console"
                + " %d ms, exit after %d ms%n", first.frame(), first.whole(), first.exit());

        long[] version = new long[runs];
        long[] plainFrame = new long[runs];
        long[] plainWhole = new long[runs];
        long[] consoleFrame = new long[runs];
        long[] consoleWhole = new long[runs];
        for (int i = 0; i < runs; i++) {
            version[i] = run(List.of(java.toString(), "-version"), 60, home).millis();
            Smoke plain = smoke(launcher, home);
            Smoke console = smoke(consoleLauncher, home);
            plainFrame[i] = plain.frame();
            plainWhole[i] = plain.whole();
            consoleFrame[i] = console.frame();
            consoleWhole[i] = console.whole();
            System.out.printf("run %2d: java -version %5d ms | bin/benchwatch: first frame %5d ms, whole %5d ms"
                            + " | bin/benchwatch-console: first frame %5d ms, whole %5d ms%n",
                    i + 1, version[i], plain.frame(), plain.whole(), console.frame(), console.whole());
        }
        long versionMedian = median(version);
        long frame = median(consoleFrame);
        System.out.printf("%nmedians of %d runs: java -version %d ms%n", runs, versionMedian);
        System.out.printf("  bin/benchwatch          first frame with live data %5d ms (%.1fx java -version, min %d,"
                        + " max %d), whole console %d ms%n", median(plainFrame),
                (double) median(plainFrame) / versionMedian, min(plainFrame), max(plainFrame), median(plainWhole));
        System.out.printf("  bin/benchwatch-console  first frame with live data %5d ms (%.1fx java -version, min %d,"
                        + " max %d), whole console %d ms%n", frame, (double) frame / versionMedian, min(consoleFrame),
                max(consoleFrame), median(consoleWhole));
        boolean met = frame <= TARGET_MILLIS;
        System.out.println("target first frame <= " + TARGET_MILLIS + " ms (the desktop entry's launcher, from its second"
                + " start): " + (met ? "PASS" : "FAIL") + "; load average at the end " + loadAverage());
        if (strict && !met) {
            System.exit(2);
        }
    }

    private static final Pattern WHOLE = Pattern.compile("whole console after (\\d+) ms");

    /** One {@code --smoke} run: first frame with live data and whole console (from the process's start), exit. */
    record Smoke(long frame, long whole, long exit) {
    }

    static Smoke smoke(Path launcher, Path home) throws IOException, InterruptedException {
        Result smoke = run(List.of(launcher.toString(), "--smoke"), 120, home);
        Matcher frame = FIRST_FRAME.matcher(smoke.output());
        Matcher whole = WHOLE.matcher(smoke.output());
        if (smoke.status() != 0 || !frame.find() || !whole.find()) {
            System.err.println(launcher + " --smoke failed (exit " + smoke.status() + "):\n" + smoke.output());
            System.exit(1);
        }
        return new Smoke(Long.parseLong(frame.group(1)), Long.parseLong(whole.group(1)), smoke.millis());
    }

    static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    record Result(int status, String output, long millis) {
    }

    /** Runs a command to its end; the time is the child's whole life, from start to exit, as a user waits it. */
    static Result run(List<String> command, int timeoutSeconds, Path home) throws IOException, InterruptedException {
        Path log = Files.createTempFile("startup", ".log");
        try {
            long started = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("HOME", home.toString());
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(command + " did not finish within " + timeoutSeconds + " s");
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), millis);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst(".*:\\s*", ""))
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }
}
