package dev.benchwatch.ui.triggers.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.workspace.trigger.ActionModel;
import dev.benchwatch.workspace.trigger.ConditionNode;
import dev.benchwatch.workspace.trigger.TriggerModel;
import dev.benchwatch.workspace.trigger.TriggerText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The editor's state without a display: both directions of the form/text sync, validation and undo. */
class TriggerEditorViewModelTest {
    static final List<String> CHANNELS = List.of("oven_temp", "door", "psu_volts");
    static final List<String> DEVICES = List.of("oven", "psu-1");
    static final String OVEN = "mean(oven_temp, 10s) > 180 for 5s clear < 175 cooldown 1m";

    static TriggerModel oven() {
        return TriggerModel.of("oven_overheat", TriggerText.parse(OVEN)).withName("Oven overheat")
                .withSeverity(Severity.CRITICAL)
                .withActions(List.of(new ActionModel.MqttPublish("lab/alarms/oven", "{trigger}: {value}", 1, false)));
    }

    static TriggerEditorViewModel editing(TriggerModel model, String... taken) {
        return new TriggerEditorViewModel(model, CHANNELS, DEVICES, List.of(taken));
    }

    static final ConditionPath WHEN_0 = ConditionPath.parse("when.0");

    @Test
    void loadsATriggerIntoTheFormAndTheText() {
        TriggerEditorViewModel vm = editing(oven(), "other");
        assertThat(vm.textProperty().get()).isEqualTo(OVEN);
        ConditionForm.Row row = (ConditionForm.Row) WHEN_0.at(vm.whenProperty().get());
        assertThat(row).isEqualTo(new ConditionForm.Row("oven_temp", Stat.MEAN, "10s", RowOperator.GT, "180", "", ""));
        assertThat(vm.forTextProperty().get()).isEqualTo("5s");
        assertThat(vm.clearModeProperty().get()).isEqualTo(ClearMode.CONDITION);
        assertThat(((ConditionForm.Row) ConditionPath.parse("clear.0").at(vm.clearProperty().get())).threshold())
                .isEqualTo("175");
        assertThat(vm.cooldownTextProperty().get()).isEqualTo("1m");
        assertThat(vm.modelProperty().get()).isEqualTo(oven());
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void editingAFormFieldReprintsTheText() {
        TriggerEditorViewModel vm = editing(oven());
        vm.editRow(WHEN_0, "threshold", r -> r.withThreshold("182.50"));
        assertThat(vm.textProperty().get()).isEqualTo("mean(oven_temp, 10s) > 182.5 for 5s clear < 175 cooldown 1m");
        vm.forTextProperty().set("90s");
        assertThat(vm.textProperty().get()).contains("for 1m30s");
        vm.clearModeProperty().set(ClearMode.AUTOMATIC);
        assertThat(vm.textProperty().get()).isEqualTo("mean(oven_temp, 10s) > 182.5 for 1m30s cooldown 1m");
        vm.editRow(WHEN_0, "op", r -> r.withOp(RowOperator.OUTSIDE).withLow("20").withHigh("30"));
        assertThat(vm.textProperty().get()).startsWith("mean(oven_temp, 10s) outside [20, 30] for");
        assertThat(vm.modelProperty().get().when())
                .isEqualTo(new ConditionNode.RangeLeaf(vm.modelProperty().get().when().comparisonOperand(), false, 20, 30));
    }

    @Test
    void editingTheTextRebuildsTheForm() {
        TriggerEditorViewModel vm = editing(oven());
        vm.textProperty().set("(psu_volts < 11.5 or door == 1) and not max(oven_temp, tumbling 1m) >= 200 for 2s");
        ConditionForm.Group when = vm.whenProperty().get();
        assertThat(when.joiner()).isEqualTo(ConditionNode.Joiner.AND);
        assertThat(when.shape()).isEqualTo("G(G(R,R),N(R))");
        assertThat(((ConditionForm.Row) ConditionPath.parse("when.0.1").at(when)).channel()).isEqualTo("door");
        ConditionForm.Row negated = (ConditionForm.Row) ConditionPath.parse("when.1.0").at(when);
        assertThat(negated.stat()).isEqualTo(Stat.MAX);
        assertThat(negated.window()).isEqualTo("tumbling 1m");
        assertThat(vm.clearModeProperty().get()).isEqualTo(ClearMode.AUTOMATIC);
        assertThat(vm.cooldownTextProperty().get()).isEmpty();
        assertThat(vm.forTextProperty().get()).isEqualTo("2s");
        assertThat(vm.modelProperty().get().name()).isEqualTo("Oven overheat");
        assertThat(vm.modelProperty().get().text()).isEqualTo(vm.textProperty().get());
    }

    @Test
    void textThatDoesNotParseKeepsTheFormAndReportsWhere() {
        TriggerEditorViewModel vm = editing(oven());
        ConditionForm.Group before = vm.whenProperty().get();
        vm.textProperty().set("mean(oven_temp, 10s) > abc");
        assertThat(vm.whenProperty().get()).isEqualTo(before);
        assertThat(vm.forTextProperty().get()).isEqualTo("5s");
        assertThat(vm.textErrorProperty().get()).isEqualTo("column 24: expected a number after '>', found 'abc'");
        assertThat(vm.textErrorOffsetProperty().get()).isEqualTo(23);
        assertThat(vm.errors()).containsKey("text");
        assertThat(vm.modelProperty().get()).isNull();
        assertThat(vm.validProperty().get()).isFalse();

        vm.textProperty().set("mean(oven_temp, 10s) > 190");
        assertThat(vm.textErrorProperty().get()).isEmpty();
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.modelProperty().get().when()).isEqualTo(TriggerText.parse("mean(oven_temp, 10s) > 190").when());
    }

    @Test
    void aThresholdThatIsNotANumberIsAnInlineError() {
        TriggerEditorViewModel vm = editing(oven());
        String text = vm.textProperty().get();
        vm.editRow(WHEN_0, "threshold", r -> r.withThreshold("abc"));
        assertThat(vm.errors()).containsEntry("when[0].threshold", "enter a number, e.g. 180");
        assertThat(vm.modelProperty().get()).isNull();
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.textProperty().get()).as("the text keeps the last form that built").isEqualTo(text);

        vm.forTextProperty().set("5 seconds");
        assertThat(vm.errors().get("for")).startsWith("enter a duration, e.g. 5s");
        vm.editRow(WHEN_0, "threshold", r -> r.withThreshold("181"));
        vm.forTextProperty().set("5s");
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void otherFieldErrorsHaveTheirKeys() {
        TriggerEditorViewModel vm = editing(oven(), "door_open");
        vm.idProperty().set("door_open");
        assertThat(vm.errors().get("id")).contains("already has the id 'door_open'");
        vm.idProperty().set("");
        assertThat(vm.errors().get("id")).startsWith("enter an id");
        vm.idProperty().set("oven_overheat");
        vm.editRow(WHEN_0, "op", r -> r.withOp(RowOperator.INSIDE).withLow("30").withHigh("20"));
        assertThat(vm.errors()).containsEntry("when[0].low", "the low bound 30 is above the high bound 20");
        vm.editRow(WHEN_0, "low", r -> r.withLow("10"));
        vm.editRow(WHEN_0, "window", r -> r.withWindow("10"));
        assertThat(vm.errors().get("when[0].window")).startsWith("enter a window");
        vm.editRow(WHEN_0, "window", r -> r.withWindow("200 readings"));
        vm.editRow(WHEN_0, "channel", r -> r.withChannel("chamber_temp"));
        assertThat(vm.warnings()).containsEntry("when[0].channel", "no channel 'chamber_temp' in this workspace (yet)");
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.validProperty().get()).as("an unknown channel only warns").isTrue();
        vm.editAction(0, "payload", a -> a.withSecond("{when}"));
        assertThat(vm.errors().get("actions[0].payload")).startsWith("unknown placeholder {when}");
    }

    @Test
    void choosingAClearConditionStartsFromWhenTurnedAround() {
        TriggerEditorViewModel vm = editing(TriggerModel.of("hot", TriggerText.parse("oven_temp >= 180")));
        assertThat(vm.isNew()).isFalse();
        vm.clearModeProperty().set(ClearMode.CONDITION);
        assertThat(ConditionPath.parse("clear.0").at(vm.clearProperty().get()))
                .isEqualTo(new ConditionForm.Row("oven_temp", null, "", RowOperator.LE, "", "", ""));
        assertThat(vm.errors()).containsOnlyKeys("clear[0].threshold");
        vm.editRow(ConditionPath.parse("clear.0"), "threshold", r -> r.withThreshold("175"));
        assertThat(vm.textProperty().get()).isEqualTo("oven_temp >= 180 clear <= 175");
        vm.undo();
        vm.undo();
        assertThat(vm.clearModeProperty().get()).isEqualTo(ClearMode.AUTOMATIC);
        assertThat(vm.textProperty().get()).isEqualTo("oven_temp >= 180");
    }

    @Test
    void theOwnIdIsNotADuplicate() {
        TriggerEditorViewModel vm = editing(oven(), "oven_overheat", "x");
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.modelProperty().get().id()).isEqualTo("oven_overheat");
    }

    @Test
    void undoAndRedoWalkEveryChangeAndTypingInOneFieldIsOneStep() {
        TriggerEditorViewModel vm = editing(oven());
        String start = vm.textProperty().get();
        vm.editRow(WHEN_0, "threshold", r -> r.withThreshold("1"));
        vm.editRow(WHEN_0, "threshold", r -> r.withThreshold("19"));
        vm.editRow(WHEN_0, "threshold", r -> r.withThreshold("190"));
        vm.commitEdit();
        vm.nameProperty().set("Oven hot");
        vm.textProperty().set("oven_temp > 1");
        vm.textProperty().set("oven_temp > 12");
        assertThat(vm.canUndoProperty().get()).isTrue();
        assertThat(vm.canRedoProperty().get()).isFalse();

        vm.undo();
        assertThat(vm.textProperty().get()).isEqualTo("mean(oven_temp, 10s) > 190 for 5s clear < 175 cooldown 1m");
        assertThat(vm.nameProperty().get()).isEqualTo("Oven hot");
        vm.undo();
        assertThat(vm.nameProperty().get()).isEqualTo("Oven overheat");
        assertThat(((ConditionForm.Row) WHEN_0.at(vm.whenProperty().get())).threshold()).isEqualTo("190");
        vm.undo();
        assertThat(((ConditionForm.Row) WHEN_0.at(vm.whenProperty().get())).threshold()).isEqualTo("180");
        assertThat(vm.textProperty().get()).isEqualTo(start);
        assertThat(vm.canUndoProperty().get()).isFalse();
        assertThat(vm.modelProperty().get()).isEqualTo(oven());

        vm.redo();
        vm.redo();
        vm.redo();
        assertThat(vm.textProperty().get()).isEqualTo("oven_temp > 12");
        assertThat(vm.canRedoProperty().get()).isFalse();
        vm.undo();
        vm.forTextProperty().set("3s");
        assertThat(vm.canRedoProperty().get()).as("a new change drops the redo steps").isFalse();
    }

    @Test
    void undoRestoresAnErrorStateAndItsMessages() {
        TriggerEditorViewModel vm = editing(oven());
        vm.textProperty().set("oven_temp > ");
        vm.commitEdit();
        vm.textProperty().set("oven_temp > 3");
        assertThat(vm.errors()).isEmpty();
        vm.undo();
        assertThat(vm.textProperty().get()).isEqualTo("oven_temp > ");
        assertThat(vm.textErrorProperty().get()).startsWith("column 13:");
        assertThat(vm.validProperty().get()).isFalse();
        vm.redo();
        assertThat(vm.textErrorProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void commitRewritesParsedTextCanonically() {
        TriggerEditorViewModel vm = editing(oven());
        vm.textProperty().set("MEAN(oven_temp,10S)>180.0 FOR 90s");
        assertThat(vm.textProperty().get()).isEqualTo("MEAN(oven_temp,10S)>180.0 FOR 90s");
        vm.commitEdit();
        assertThat(vm.textProperty().get()).isEqualTo("mean(oven_temp, 10s) > 180 for 1m30s");
        vm.undo();
        assertThat(vm.textProperty().get()).isEqualTo(OVEN);
    }

    @Test
    void structuralEditsBuildNestedGroupsAndNot() {
        TriggerEditorViewModel vm = editing(null, "trigger_1");
        assertThat(vm.idProperty().get()).isEqualTo("trigger_2");
        assertThat(vm.errors()).containsOnlyKeys("when[0].threshold");
        vm.editRow(WHEN_0, "threshold", r -> r.withThreshold("180"));
        vm.addGroup(ConditionPath.root("when"));
        vm.editRow(ConditionPath.parse("when.1.0"), "channel", r -> r.withChannel("door").withThreshold("0"));
        vm.editRow(ConditionPath.parse("when.1.1"), "stat", r -> r.withStat(Stat.STDDEV).withThreshold("2"));
        vm.toggleNot(ConditionPath.parse("when.1.0"));
        assertThat(vm.textProperty().get())
                .isEqualTo("oven_temp > 180 and (not door > 0 or stddev(oven_temp, 10s) > 2)");
        vm.toggleJoiner(ConditionPath.root("when"));
        assertThat(vm.textProperty().get())
                .isEqualTo("oven_temp > 180 or (not door > 0 or stddev(oven_temp, 10s) > 2)");
        vm.remove(ConditionPath.parse("when.1.0.0"));
        assertThat(vm.textProperty().get()).isEqualTo("oven_temp > 180 or stddev(oven_temp, 10s) > 2");
        vm.remove(ConditionPath.parse("when.1"));
        vm.remove(ConditionPath.parse("when.0"));
        assertThat(vm.errors()).containsEntry("when", "add a condition");
        vm.addCondition(ConditionPath.root("when"));
        assertThat(vm.errors()).containsOnlyKeys("when[0].threshold");
    }

    @Test
    void duplicatesGetAFreeCopyId() {
        TriggerModel copy = TriggerCopies.duplicate(oven(), List.of("oven_overheat", "oven_overheat_copy"));
        assertThat(copy.id()).isEqualTo("oven_overheat_copy2");
        assertThat(copy.name()).isEqualTo("Oven overheat (copy)");
        assertThat(copy.withName("Oven overheat")).isNotEqualTo(oven());
        assertThat(TriggerCopies.copyId("t", List.of())).isEqualTo("t_copy");
        assertThat(TriggerCopies.copyId("a".repeat(128), List.of())).hasSize(128).endsWith("_copy");
        TriggerEditorViewModel vm = editing(oven(), "oven_overheat_copy");
        assertThat(vm.duplicate().id()).isEqualTo("oven_overheat_copy2");
        vm.idProperty().set("");
        assertThat(vm.duplicate()).isNull();
    }
}
