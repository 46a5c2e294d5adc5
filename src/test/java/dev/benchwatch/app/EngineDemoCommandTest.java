package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EngineDemoCommandTest {
    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine cli = BenchwatchMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void demoPrintsFiringsAndMetrics() {
        Result result = run("engine-demo", "--duration", "2500ms", "--rate", "1000");
        assertThat(result.status()).isZero();
        // the oven swings above its alarm band within the first second
        assertThat(result.out()).contains("FIRING   oven_overheat");
        assertThat(result.out()).contains("ACTION   oven_overheat    log DONE");
        assertThat(result.out()).contains("readings accepted");
        assertThat(result.out()).contains("latency ingest->decision  p50");
        assertThat(result.out()).contains("unaccounted readings: 0");
        assertThat(result.out()).containsPattern("oven_overheat\\s+critical\\s+\\w+\\s+fired [1-9]");
    }

    @Test
    void badOptionsGiveAClearErrorAndStatus2() {
        Result result = run("engine-demo", "--duration", "soon");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("invalid duration 'soon'");
        Result zero = run("engine-demo", "--duration", "0s");
        assertThat(zero.status()).isEqualTo(2);
        assertThat(zero.err()).contains("--duration must be positive");
    }

    @Test
    void versionAndHelpWork() {
        assertThat(run("--version").out()).startsWith("benchwatch ");
        Result help = run("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("engine-demo");
    }

    @Test
    void durationsParseAsEngineersWriteThem() {
        assertThat(DurationConverter.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(DurationConverter.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationConverter.parse("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationConverter.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationConverter.parse("10us")).isEqualTo(Duration.ofNanos(10_000));
        assertThat(DurationConverter.parse("PT3S")).isEqualTo(Duration.ofSeconds(3));
    }
}
