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
 * Startup of the packaged application: time from launch to the first frame with live data
 * ({@code bin/benchwatch --smoke}, which prints it measured from the process's start) against the time of
 * {@code java -version} of the same bundled runtime, both measured N times in the same run, interleaved so a
 * change in the machine's load hits both alike. The target: first frame <= 1.5 s. Reports medians.
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
        Path java = image.resolve("lib/runtime/bin/java");
        if (!Files.isExecutable(launcher)) {
            System.out.println("no app image at " + image + ": building it with packaging/package.sh --type app-image");
            Result build = run(List.of("bash", "packaging/package.sh", "--type", "app-image"), 900);
            if (build.status() != 0) {
                System.err.println(build.output());
                System.exit(1);
            }
        }
        System.out.println("machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs; load average " + loadAverage());
        System.out.println("runtime: " + firstLine(run(List.of(java.toString(), "-version"), 60).output()));
        // untimed once each: the page cache, and JavaFX's first-run extraction of its natives to ~/.openjfx
        run(List.of(java.toString(), "-version"), 60);
        run(List.of(launcher.toString(), "--smoke"), 120);

        long[] versionMillis = new long[runs];
        long[] exitMillis = new long[runs];
        long[] frameMillis = new long[runs];
        for (int i = 0; i < runs; i++) {
            versionMillis[i] = run(List.of(java.toString(), "-version"), 60).millis();
            Result smoke = run(List.of(launcher.toString(), "--smoke"), 120);
            Matcher m = FIRST_FRAME.matcher(smoke.output());
            if (smoke.status() != 0 || !m.find()) {
                System.err.println("--smoke failed (exit " + smoke.status() + "):\n" + smoke.output());
                System.exit(1);
            }
            frameMillis[i] = Long.parseLong(m.group(1));
            exitMillis[i] = smoke.millis();
            System.out.printf("run %2d: java -version %5d ms   first frame with live data %5d ms   (--smoke exits after %5d ms)%n",
                    i + 1, versionMillis[i], frameMillis[i], exitMillis[i]);
        }
        long version = median(versionMillis);
        long frame = median(frameMillis);
        System.out.printf("%nmedians of %d runs: java -version %d ms; first frame with live data %d ms (%.1fx java -version, "
                        + "min %d, max %d); --smoke to exit %d ms%n", runs, version, frame, (double) frame / version,
                Arrays.stream(frameMillis).min().orElse(0), Arrays.stream(frameMillis).max().orElse(0),
                median(exitMillis));
        boolean met = frame <= TARGET_MILLIS;
        System.out.println("target first frame <= " + TARGET_MILLIS + " ms: " + (met ? "PASS" : "FAIL")
                + "; load average at the end " + loadAverage());
        if (strict && !met) {
            System.exit(2);
        }
    }

    record Result(int status, String output, long millis) {
    }

    /** Runs a command to its end; the time is the child's whole life, from start to exit, as a user waits it. */
    static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("startup", ".log");
        try {
            long started = System.nanoTime();
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
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
