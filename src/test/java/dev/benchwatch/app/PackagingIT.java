package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged application as a user gets it: packaging/package.sh builds the app image and the .deb, the app
 * image opens the console on live simulator data ({@code --smoke}) and runs the subcommands, and the .deb
 * installs with dpkg into /opt/benchwatch, runs from there within the size budget, and uninstalls (purged: nothing of it stays on the machine).
 *
 * <p>Runs in Maven's integration-test phase (a surefire execution of its own in the pom, which sets
 * {@code benchwatch.packaging.it}), after the jar and its libraries were built; on its own:
 * {@code ./run-tests -Dtest=PackagingIT -Dsurefire.failIfNoSpecifiedTests=false}. About two minutes, most of it
 * jlink and the .deb's compression.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagingIT {
    /** The issue's budget for the installed tree, in bytes (decimal megabytes, the stricter reading). */
    static final long MAX_INSTALLED_BYTES = 120_000_000L;

    private final Path root = Path.of("").toAbsolutePath();
    private final Path dest = root.resolve("target/packaging-it");
    private Path image;
    private Path deb;

    /** A finished child process: exit status and everything it printed. */
    record Run(int status, String output, long millis) {
    }

    @BeforeAll
    void buildPackages() throws Exception {
        assumeTrue(Boolean.getBoolean("benchwatch.packaging.it"),
                "runs in the integration-test phase, once the jar is built (mvn verify)");
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "builds the Linux app image and .deb");
        Run build = run(List.of("bash", root.resolve("packaging/package.sh").toString(), "--type", "all", "--no-build",
                "--dest", dest.toString()), 600);
        System.out.println("PackagingIT: package.sh took " + build.millis() + " ms");
        assertThat(build.status()).as(build.output()).isZero();
        image = dest.resolve("app-image/benchwatch");
        try (var debs = Files.list(dest)) {
            deb = debs.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst().orElseThrow();
        }
    }

    @Test
    void theAppImageOpensTheConsoleOnLiveData() throws Exception {
        assumeTrue(System.getenv("DISPLAY") != null, "needs a display (./run-tests provides one with xvfb-run)");
        Run smoke = run(List.of(image.resolve("bin/benchwatch").toString(), "--smoke"), 120);
        System.out.println("PackagingIT: --smoke took " + smoke.millis() + " ms");
        assertThat(smoke.status()).as(smoke.output()).isZero();
        assertThat(smoke.output()).containsPattern("first frame with live data after \\d+ ms");
    }

    @Test
    void theConsoleLauncherKeepsTheConsolesClassesBetweenStarts() throws Exception {
        assumeTrue(System.getenv("DISPLAY") != null, "needs a display (./run-tests provides one with xvfb-run)");
        Path home = Files.createTempDirectory("benchwatch-home");
        Path launcher = image.resolve("bin/benchwatch-console");
        Run first = run(List.of(launcher.toString(), "--smoke"), 180, Map.of("HOME", home.toString()));
        assertThat(first.status()).as(first.output()).isZero();
        Path archive;
        try (var found = Files.find(home.resolve(".cache/benchwatch"), 2,
                (path, attributes) -> path.getFileName().toString().equals("console.jsa"))) {
            archive = found.findFirst().orElseThrow(() -> new AssertionError("no archive under " + home));
        }
        assertThat(archive.resolveSibling("console.jsa.made-by-console")).isRegularFile();
        System.out.printf("PackagingIT: the console's archive is %.1f MB%n", Files.size(archive) / 1e6);

        Path classes = home.resolve("classes.log");
        Run second = run(List.of(launcher.toString(), "--smoke"), 120, Map.of("HOME", home.toString(),
                "JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classes));
        assertThat(second.status()).as(second.output()).isZero();
        List<String> loaded = Files.readAllLines(classes);
        long fromArchive = loaded.stream().filter(line -> line.contains("shared objects file (top)")).count();
        System.out.println("PackagingIT: second start, " + fromArchive + " of " + loaded.size()
                + " classes from the console's archive; " + second.output().lines()
                .filter(line -> line.startsWith("first frame")).findFirst().orElse(""));
        assertThat(loaded).anyMatch(line -> line.contains(" dev.benchwatch.ui.ConsoleWindow ")
                && line.contains("shared objects file (top)"));
        assertThat(fromArchive).as("classes mapped from the archive").isGreaterThan(2_000);
    }

    @Test
    void theAppImageRunsTheSubcommands() throws Exception {
        Run version = run(List.of(image.resolve("bin/benchwatch").toString(), "--version"), 60);
        assertThat(version.status()).as(version.output()).isZero();
        assertThat(version.output()).containsPattern("benchwatch \\d+\\.\\d+\\.\\d+\\S* \\(Java \\d+");
        for (String sample : List.of("demo.json", "nab-machine-replay.json")) {
            Path workspace = image.resolve("lib/app/workspaces").resolve(sample);
            Run validate = run(List.of(image.resolve("bin/benchwatch").toString(), "validate", workspace.toString()), 60);
            assertThat(validate.status()).as(validate.output()).isZero();
            assertThat(validate.output()).contains(workspace + ": valid workspace");
        }
        assertThat(image.resolve("lib/app/workspaces/data/machine_temperature_system_failure.csv")).isRegularFile();
        assertThat(image.resolve("lib/app/workspaces/data/LICENSE.txt")).isRegularFile();
    }

    @Test
    void theDebInstallsRunsFromOptWithinTheSizeBudgetAndUninstalls() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "dpkg -i needs root");
        assumeTrue(run(List.of("sh", "-c", "command -v dpkg"), 10).status() == 0, "needs dpkg (Debian, Ubuntu)");
        assumeTrue(!run(List.of("dpkg-query", "-W", "-f=${Status}", "benchwatch"), 10).output().contains(" installed"),
                "benchwatch is installed on this machine already; not replacing it");
        Run install = run(List.of("dpkg", "-i", deb.toString()), 300);
        try {
            assertThat(install.status()).as(install.output()).isZero();
            Run version = run(List.of("/opt/benchwatch/bin/benchwatch", "--version"), 60);
            assertThat(version.status()).as(version.output()).isZero();
            assertThat(version.output()).startsWith("benchwatch ");
            Run size = run(List.of("du", "-sk", "/opt/benchwatch"), 60);
            long bytes = Long.parseLong(size.output().split("\\s+")[0]) * 1024;
            System.out.printf("PackagingIT: installed size %.1f MB (%d KiB)%n", bytes / 1e6, bytes / 1024);
            assertThat(bytes).isLessThanOrEqualTo(MAX_INSTALLED_BYTES);
            assertThat(Path.of("/usr/share/applications/benchwatch.desktop")).isRegularFile()
                    .content().contains("Exec=/opt/benchwatch/bin/benchwatch-console");
            Run console = run(List.of("/opt/benchwatch/bin/benchwatch-console", "--version"), 60,
                    Map.of("HOME", Files.createTempDirectory("benchwatch-home").toString()));
            assertThat(console.status()).as(console.output()).isZero();
            assertThat(console.output()).startsWith("benchwatch ");
        } finally {
            Run remove = run(List.of("dpkg", "--purge", "benchwatch"), 120);
            assertThat(remove.status()).as(remove.output()).isZero();
        }
        assertThat(Path.of("/opt/benchwatch/bin/benchwatch")).doesNotExist();
    }

    private Run run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        return run(command, timeoutSeconds, Map.of());
    }

    private Run run(List<String> command, int timeoutSeconds, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("packaging-it", ".log");
        try {
            long started = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), millis);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
