package dev.benchwatch.workspace.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.action.ActionSpec;
import dev.benchwatch.workspace.TriggerConfigs;
import dev.benchwatch.workspace.file.TriggerConfig;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The editor's trigger and the file's trigger hold the same thing: model → file form → model is the identity. */
class TriggerConfigsPropertyTest {
    @Provide
    Arbitrary<TriggerModel> models() {
        return TriggerArbitraries.models();
    }

    @Property(tries = 500)
    void aModelSurvivesTheFileForm(@ForAll("models") TriggerModel model) {
        TriggerConfig config = TriggerConfigs.toConfig(model);
        assertThat(TriggerConfigs.toModel(config)).isEqualTo(model);
        assertThat(config.when()).isEqualTo(TriggerText.print(model.when()));
    }

    @Test
    void theClearShorthandOfAFileIsSpelledOutForTheEditor() {
        TriggerConfig config = new TriggerConfig("oven_overheat", "Oven overheating", null, null, true,
                "mean(oven_temp, 500ms) > 176", Duration.ofMillis(300), "< 173", Duration.ofSeconds(1), List.of());
        TriggerModel model = TriggerConfigs.toModel(config);
        assertThat(TriggerText.print(model.clear())).isEqualTo("mean(oven_temp, 500ms) < 173");
        assertThat(TriggerConfigs.toConfig(model).clear()).isEqualTo("mean(oven_temp, 500ms) < 173");
    }

    @Test
    void aDeviceCommandsLineEndingBecomesItsOwnField() {
        assertThat(TriggerConfigs.action(new ActionSpec.DeviceCommand("board", "FAN ON\r\n")))
                .isEqualTo(new ActionModel.DeviceCommand("board", "FAN ON", ActionModel.LineEnding.CRLF));
        assertThat(TriggerConfigs.action(new ActionSpec.DeviceCommand("board", "FAN ON\n")))
                .isEqualTo(new ActionModel.DeviceCommand("board", "FAN ON", ActionModel.LineEnding.LF));
        assertThat(TriggerConfigs.action(new ActionSpec.DeviceCommand("board", "FAN ON")))
                .isEqualTo(new ActionModel.DeviceCommand("board", "FAN ON", ActionModel.LineEnding.NONE));
    }
}
