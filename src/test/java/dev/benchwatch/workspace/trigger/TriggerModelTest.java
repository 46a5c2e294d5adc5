package dev.benchwatch.workspace.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.engine.window.Stat;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every bad form value is refused with a message the editor can show at that field. */
class TriggerModelTest {
    private static final ConditionNode HOT =
            new ConditionNode.Leaf(OperandModel.latest("oven_temp"), ComparisonOp.GT, 180);

    private static void rejects(ThrowingCallable build, String field, String problem) {
        assertThatThrownBy(build).isInstanceOfSatisfying(InvalidFieldException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e).hasMessage(field + ": " + problem);
        });
    }

    private static TriggerModel model(String id, Duration forDuration, Duration cooldown) {
        return new TriggerModel(id, "Oven overheat", Severity.CRITICAL, HOT, forDuration, null, cooldown, List.of(),
                TriggerModel.Mode.ARMED, true);
    }

    @Test
    void triggerFields() {
        rejects(() -> model("1oven", null, null), "id",
                "invalid trigger id '1oven': expected a letter or '_' followed by up to 127 letters, digits, '_', "
                        + "'.' or '-'");
        rejects(() -> model("", null, null), "id", "trigger id must not be empty");
        rejects(() -> model("oven", Duration.ofSeconds(-5), null), "for", "must not be negative, got -5s");
        rejects(() -> model("oven", null, Duration.ofMillis(-1500)), "cooldown", "must not be negative, got -1s500ms");
        rejects(() -> new TriggerModel("oven", "", null, HOT, null, null, null, null, TriggerModel.Mode.ARMED, true),
                "severity", "choose info, warning or critical");
        rejects(() -> new TriggerModel("oven", "", Severity.INFO, null, null, null, null, null,
                TriggerModel.Mode.ARMED, true), "when", "add a condition");
        rejects(() -> new TriggerModel("oven", "", Severity.INFO, HOT, null, null, null, null, null, true),
                "mode", "choose armed or shadow");
        rejects(() -> new TriggerExpression(HOT, Duration.ofSeconds(1), null, Duration.ofSeconds(-1)), "cooldown",
                "must not be negative, got -1s");
    }

    @Test
    void missingDurationsAndActionsMeanNone() {
        TriggerModel m = model("oven", null, null);
        assertThat(m.forDuration()).isZero();
        assertThat(m.cooldown()).isZero();
        assertThat(m.actions()).isEmpty();
        assertThat(m.text()).isEqualTo("oven_temp > 180");
    }

    @Test
    void conditionFields() {
        rejects(() -> OperandModel.latest("oven temp"), "channel",
                "invalid channel name 'oven temp': expected a letter or '_' followed by up to 127 letters, digits, "
                        + "'_', '.' or '-'");
        rejects(() -> OperandModel.latest(" "), "channel", "channel name must not be empty");
        rejects(() -> new OperandModel("t", Stat.MEAN, null), "window", "the statistic mean needs a window");
        rejects(() -> new OperandModel("t", null, WindowRef.count(3)), "aggregate",
                "choose a statistic for the window, or no window for the latest value");
        rejects(() -> WindowRef.sliding(Duration.ZERO), "window.size", "must be positive, got 0s");
        rejects(() -> WindowRef.tumbling(Duration.ofSeconds(-10)), "window.size", "must be positive, got -10s");
        rejects(() -> WindowRef.count(0), "window.count", "must be between 1 and 10000000 readings, got 0");
        rejects(() -> new ConditionNode.Leaf(OperandModel.latest("t"), ComparisonOp.GT, Double.NaN), "threshold",
                "must be a finite number, got NaN");
        rejects(() -> new ConditionNode.Leaf(OperandModel.latest("t"), null, 1), "operator",
                "choose one of > >= < <= == !=");
        rejects(() -> new ConditionNode.RangeLeaf(OperandModel.latest("t"), true, 10, 5), "low",
                "the low bound 10 is above the high bound 5");
        rejects(() -> new ConditionNode.RangeLeaf(OperandModel.latest("t"), true, 0, Double.POSITIVE_INFINITY),
                "high", "must be a finite number, got Infinity");
        rejects(() -> new ConditionNode.Group(ConditionNode.Joiner.OR, List.of(HOT)), "terms",
                "an OR group needs at least two conditions");
    }

    @Test
    void aGroupOfOneIsItsCondition() {
        assertThat(ConditionNode.group(ConditionNode.Joiner.AND, List.of(HOT))).isSameAs(HOT);
        assertThat(ConditionNode.and(HOT, HOT)).isInstanceOf(ConditionNode.Group.class);
    }

    @Test
    void nestingIsBounded() {
        ConditionNode node = HOT;
        for (int i = 1; i < ConditionNode.MAX_DEPTH; i++) {
            node = new ConditionNode.Not(node);
        }
        assertThat(node.depth()).isEqualTo(ConditionNode.MAX_DEPTH);
        assertThat(TriggerText.parse(TriggerText.print(TriggerExpression.of(node))).when()).isEqualTo(node);
        ConditionNode deepest = node;
        rejects(() -> new ConditionNode.Not(deepest), "terms", "conditions nest deeper than 32 levels");
    }

    @Test
    void actionFields() {
        rejects(() -> new ActionModel.Log(" "), "message", "must not be empty");
        rejects(() -> new ActionModel.Log("{trigger} at {when}"), "message",
                "unknown placeholder {when}; use {trigger}, {channel}, {value}, {severity}, {state}, {time}");
        rejects(() -> new ActionModel.Notify("", "body"), "title", "must not be empty");
        rejects(() -> new ActionModel.DeviceCommand("", "HEATER OFF", ActionModel.LineEnding.LF), "device",
                "choose a device");
        rejects(() -> new ActionModel.DeviceCommand("oven", "", ActionModel.LineEnding.NONE), "text",
                "must not be empty (or choose a line ending)");
        rejects(() -> new ActionModel.DeviceCommand("oven", "X", null), "lineEnding",
                "choose a line ending (none, LF, CR or CRLF)");
        rejects(() -> new ActionModel.MqttPublish("lab/#", "{value}", 0, false), "topic",
                "must not contain the wildcards + or #");
        rejects(() -> new ActionModel.MqttPublish("lab/a", "{value}", 3, false), "qos", "must be 0, 1 or 2, got 3");
        rejects(() -> new ActionModel.MqttPublish("lab/{trigerr}", "{value}", 0, false), "topic",
                "unknown placeholder {trigerr}; use {trigger}, {channel}, {value}, {severity}, {state}, {time}");
        rejects(() -> new ActionModel.MqttPublish("lab/a", "{valeu}", 0, false), "payload",
                "unknown placeholder {valeu}; use {trigger}, {channel}, {value}, {severity}, {state}, {time}");
        rejects(() -> new ActionModel.RecordingMarker(""), "label", "must not be empty");
        assertThat(new ActionModel.MqttPublish("lab/a", "{\"value\": {value}}", 1, true).payload())
                .as("JSON braces are not placeholders").isEqualTo("{\"value\": {value}}");
        assertThat(new ActionModel.DeviceCommand("oven", "X", ActionModel.LineEnding.CRLF).isExternal()).isTrue();
        assertThat(new ActionModel.Log("x").isExternal()).isFalse();
    }

    @Test
    void textAndFormFieldsStayApart() {
        TriggerModel m = model("oven", null, null)
                .withActions(List.of(new ActionModel.Log("{trigger} fired")))
                .withMode(TriggerModel.Mode.SHADOW);
        TriggerModel edited = m.withExpression(TriggerText.parse("oven_temp > 200 for 5s clear < 190 cooldown 1m"));
        assertThat(edited.text()).isEqualTo("oven_temp > 200 for 5s clear < 190 cooldown 1m");
        assertThat(edited.name()).isEqualTo("Oven overheat");
        assertThat(edited.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(edited.actions()).isEqualTo(m.actions());
        assertThat(edited.mode()).isEqualTo(TriggerModel.Mode.SHADOW);
        assertThat(edited.expression().forDuration()).isEqualTo(Duration.ofSeconds(5));
    }
}
