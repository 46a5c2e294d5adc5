package dev.benchwatch.ui.triggers.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.ui.FxTestSettings;
import dev.benchwatch.ui.PngWriter;
import dev.benchwatch.ui.Theme;
import dev.benchwatch.workspace.trigger.ActionModel;
import dev.benchwatch.workspace.trigger.TriggerModel;
import dev.benchwatch.workspace.trigger.TriggerText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the trigger editor dialog, with a nested condition, hysteresis, three actions in shadow mode, a
 * threshold in error, an unknown channel and a text that does not parse, to
 * target/trigger-editor-dark.png and target/trigger-editor-light.png, and the whole form (unscrolled) to
 * target/trigger-editor-form-dark.png and -light.png, for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class TriggerEditorPreviewRenderTest {
    static {
        FxTestSettings.apply();
    }

    private TriggerEditorDialog dialog;

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        if (dialog != null) {
            WaitForAsyncUtils.asyncFx(dialog::close).get(5, TimeUnit.SECONDS);
        }
    }

    static TriggerModel sample() {
        return TriggerModel.of("oven_overheat", TriggerText.parse(
                        "mean(oven_temp, 10s) > 180 and (psu_volts < 11.5 or door == 1) "
                                + "and not max(chamber_temp, tumbling 1m) outside [20, 85] for 5s "
                                + "clear mean(oven_temp, 10s) < 175 cooldown 1m"))
                .withName("Oven overheat").withSeverity(Severity.CRITICAL).withMode(TriggerModel.Mode.SHADOW)
                .withActions(List.of(
                        new ActionModel.Log("{trigger} fired: {channel} = {value}"),
                        new ActionModel.DeviceCommand("oven", "HEATER OFF", ActionModel.LineEnding.CRLF),
                        new ActionModel.MqttPublish("lab/alarms/oven",
                                "{\"trigger\": \"{trigger}\", \"value\": {value}, \"severity\": \"{severity}\"}", 1,
                                false)));
    }

    @Test
    void rendersTheDialogInBothThemes() throws Exception {
        for (Theme theme : Theme.values()) {
            Path png = Path.of("target", "trigger-editor-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png");
            WaitForAsyncUtils.asyncFx(() -> {
                if (dialog != null) {
                    dialog.close();
                }
                TriggerEditorViewModel vm = new TriggerEditorViewModel(sample(),
                        List.of("oven_temp", "psu_volts", "door", "chamber_temp"), List.of("oven", "psu-1"),
                        List.of("psu_low"));
                vm.editRow(ConditionPath.parse("when.1.1"), "threshold", r -> r.withThreshold("abc"));
                vm.editRow(ConditionPath.parse("when.1.0"), "channel", r -> r.withChannel("psu_volt"));
                vm.textProperty().set(vm.textProperty().get().replace("> 180", "> "));
                dialog = new TriggerEditorDialog(null, vm);
                dialog.getDialogPane().getStylesheets().add(theme.stylesheet());
                dialog.show();
            }).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.asyncFx(() -> PngWriter.write(dialog.getDialogPane().getScene().snapshot(null), png))
                    .get(10, TimeUnit.SECONDS);
            assertThat(Files.size(png)).isGreaterThan(20_000);
            Path form = Path.of("target", "trigger-editor-form-" + theme.name().toLowerCase(java.util.Locale.ROOT)
                    + ".png");
            WaitForAsyncUtils.asyncFx(() -> PngWriter.write(dialog.getDialogPane().lookup(".trigger-form")
                    .snapshot(null, null), form)).get(10, TimeUnit.SECONDS);
        }
    }
}
