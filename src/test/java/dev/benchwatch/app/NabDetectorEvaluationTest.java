package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.detect.DetectorKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detectors' default settings on real data (the two NAB recordings and their labelled windows). The
 * thresholds asserted here are the table in docs/DETECTORS.md, rounded to leave a little slack: a change to a
 * detector or a default that makes it miss windows or raise more false alarms fails this test.
 */
class NabDetectorEvaluationTest {
    private static final String MACHINE = "machine_temperature_system_failure.csv";
    private static final String AMBIENT = "ambient_temperature_system_failure.csv";
    private static final Map<DetectorKind, NabEvaluation.Row> machine = new EnumMap<>(DetectorKind.class);
    private static final Map<DetectorKind, NabEvaluation.Row> ambient = new EnumMap<>(DetectorKind.class);

    @BeforeAll
    static void replay() throws Exception {
        for (NabEvaluation.Row row : NabEvaluation.evaluate(MACHINE)) {
            machine.put(row.kind(), row);
            System.out.println(row.markdown());
        }
        for (NabEvaluation.Row row : NabEvaluation.evaluate(AMBIENT)) {
            ambient.put(row.kind(), row);
            System.out.println(row.markdown());
        }
    }

    @Test
    void theEwmaDetectorFindsMostWindowsWithFewFalseAlarms() {
        assertThat(machine.get(DetectorKind.EWMA).detected()).isGreaterThanOrEqualTo(3);
        assertThat(ambient.get(DetectorKind.EWMA).detected()).isEqualTo(2);
        assertThat(machine.get(DetectorKind.EWMA).falseAlarmsPerDay()).isLessThan(0.1);
        assertThat(ambient.get(DetectorKind.EWMA).falseAlarmsPerDay()).isLessThan(0.1);
    }

    @Test
    void theZScoreAndMadDetectorsFindWindowsInBothFiles() {
        assertThat(machine.get(DetectorKind.ZSCORE).detected()).isGreaterThanOrEqualTo(2);
        assertThat(ambient.get(DetectorKind.ZSCORE).detected()).isEqualTo(2);
        assertThat(machine.get(DetectorKind.ZSCORE).falseAlarmsPerDay()).isLessThan(0.3);
        assertThat(ambient.get(DetectorKind.ZSCORE).falseAlarmsPerDay()).isLessThan(0.05);
        assertThat(machine.get(DetectorKind.MAD).detected()).isEqualTo(4);
        assertThat(ambient.get(DetectorKind.MAD).detected()).isGreaterThanOrEqualTo(1);
        assertThat(machine.get(DetectorKind.MAD).falseAlarmsPerDay()).isLessThan(0.3);
        assertThat(ambient.get(DetectorKind.MAD).falseAlarmsPerDay()).isLessThan(0.05);
    }

    @Test
    void cusumFindsEveryWindowAtTheCostOfMoreFalseAlarms() {
        assertThat(machine.get(DetectorKind.CUSUM).detected()).isEqualTo(4);
        assertThat(ambient.get(DetectorKind.CUSUM).detected()).isEqualTo(2);
        assertThat(machine.get(DetectorKind.CUSUM).falseAlarmsPerDay()).isLessThan(1.0);
        assertThat(ambient.get(DetectorKind.CUSUM).falseAlarmsPerDay()).isLessThan(0.4);
    }

    @Test
    void trendAndSpikeFireRarelyAndMostlyInsideWindows() {
        assertThat(machine.get(DetectorKind.TREND).detected()).isEqualTo(4);
        assertThat(ambient.get(DetectorKind.TREND).detected()).isEqualTo(2);
        assertThat(machine.get(DetectorKind.TREND).falseAlarmsPerDay()).isLessThan(0.4);
        assertThat(machine.get(DetectorKind.SPIKE).detected()).isGreaterThanOrEqualTo(2);
        assertThat(machine.get(DetectorKind.SPIKE).falseAlarmsPerDay()).isLessThan(0.1);
    }

    @Test
    void theHealthDetectorsStayQuietOnHealthySensors() {
        // neither recording has a stuck sensor; the ambient one has a real gap in its data inside a window
        for (Map<DetectorKind, NabEvaluation.Row> file : List.of(machine, ambient)) {
            assertThat(file.get(DetectorKind.FLATLINE).falseAlarms()).isZero();
            assertThat(file.get(DetectorKind.DROPOUT).falseAlarmsPerDay()).isLessThan(0.05);
        }
        assertThat(ambient.get(DetectorKind.DROPOUT).detected()).isEqualTo(1);
    }
}
