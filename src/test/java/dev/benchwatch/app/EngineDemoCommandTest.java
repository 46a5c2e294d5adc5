package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineDemoCommandTest {
    @Test
    void demoPrintsFiringsAndMetrics() {
        CliRun result = CliRun.of("engine-demo", "--duration", "2500ms", "--rate", "1000");
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
        CliRun result = CliRun.of("engine-demo", "--duration", "soon");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("invalid duration 'soon'");
        CliRun zero = CliRun.of("engine-demo", "--duration", "0s");
        assertThat(zero.status()).isEqualTo(2);
        assertThat(zero.err()).contains("--duration must be positive");
    }

    @Test
    void versionAndHelpWork() {
        assertThat(CliRun.of("--version").out()).startsWith("benchwatch ");
        CliRun help = CliRun.of("--help");
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
