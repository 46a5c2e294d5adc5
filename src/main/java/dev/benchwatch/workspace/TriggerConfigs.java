package dev.benchwatch.workspace;

import dev.benchwatch.engine.action.ActionSpec;
import dev.benchwatch.workspace.file.TriggerConfig;
import dev.benchwatch.workspace.trigger.ActionModel;
import dev.benchwatch.workspace.trigger.ConditionNode;
import dev.benchwatch.workspace.trigger.TriggerExpression;
import dev.benchwatch.workspace.trigger.TriggerModel;
import dev.benchwatch.workspace.trigger.TriggerText;
import java.util.List;

/**
 * Moves a trigger between the file's form ({@link TriggerConfig}: conditions as text, actions as the engine's
 * specs) and the editor's ({@link TriggerModel}: condition trees, action models). A model written to a
 * config and read back is equal to itself; a config read from a file may come back with its CLEAR shorthand
 * ({@code < 173}) spelled out in full and its conditions in canonical text.
 */
public final class TriggerConfigs {
    private TriggerConfigs() {
    }

    /**
     * The editor's model of a file's trigger. WHEN is parsed alone; CLEAR, which may be the shorthand tail
     * ({@code < 173}, meaning the WHEN operand), is parsed after WHEN.
     *
     * @throws dev.benchwatch.workspace.trigger.TriggerSyntaxException for a condition that does not parse
     * @throws dev.benchwatch.workspace.trigger.InvalidFieldException for an action the editor cannot hold
     */
    public static TriggerModel toModel(TriggerConfig trigger) {
        TriggerExpression when = TriggerText.parse(trigger.when());
        ConditionNode clear = trigger.clear() == null ? null
                : TriggerText.parse(trigger.when() + " clear " + trigger.clear()).clear();
        List<ActionModel> actions = trigger.actions().stream().map(TriggerConfigs::action).toList();
        return new TriggerModel(trigger.id(), trigger.name(), trigger.severity(), when.when(), trigger.holdFor(),
                clear, trigger.cooldown(), actions,
                trigger.mode() == TriggerConfig.Mode.SHADOW ? TriggerModel.Mode.SHADOW : TriggerModel.Mode.ARMED,
                trigger.enabled());
    }

    /** The file's form of an editor's trigger: conditions in canonical text. */
    public static TriggerConfig toConfig(TriggerModel model) {
        return new TriggerConfig(model.id(), model.name(), model.severity(),
                model.mode() == TriggerModel.Mode.SHADOW ? TriggerConfig.Mode.SHADOW : TriggerConfig.Mode.ARMED,
                model.enabled(), TriggerText.print(model.when()), model.forDuration(),
                model.clear() == null ? null : TriggerText.print(model.clear()), model.cooldown(),
                model.actions().stream().map(ActionModel::toSpec).toList());
    }

    /** The editor's form of an engine action; a device command's trailing line ending becomes its own field. */
    public static ActionModel action(ActionSpec spec) {
        return switch (spec) {
            case ActionSpec.Log l -> new ActionModel.Log(l.message());
            case ActionSpec.Notify n -> new ActionModel.Notify(n.title(), n.message());
            case ActionSpec.DeviceCommand d -> deviceCommand(d);
            case ActionSpec.MqttPublish m -> new ActionModel.MqttPublish(m.topic(), m.payload(), m.qos(), m.retain());
            case ActionSpec.RecordingMarker r -> new ActionModel.RecordingMarker(r.label());
        };
    }

    private static ActionModel deviceCommand(ActionSpec.DeviceCommand command) {
        String payload = command.payload();
        for (ActionModel.LineEnding ending : List.of(ActionModel.LineEnding.CRLF, ActionModel.LineEnding.LF,
                ActionModel.LineEnding.CR)) {
            if (payload.endsWith(ending.chars())) {
                return new ActionModel.DeviceCommand(command.device(),
                        payload.substring(0, payload.length() - ending.chars().length()), ending);
            }
        }
        return new ActionModel.DeviceCommand(command.device(), payload, ActionModel.LineEnding.NONE);
    }
}
