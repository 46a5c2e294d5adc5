package dev.benchwatch.workspace.trigger;

import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.WindowSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid trigger models, for the property tests. */
public final class TriggerArbitraries {
    private TriggerArbitraries() {
    }

    public static Arbitrary<String> names() {
        Arbitrary<String> generated = Combinators.combine(
                Arbitraries.strings().withChars("abcxyzABCXYZ_").ofLength(1),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
                        .ofMinLength(0).ofMaxLength(20))
                .as(String::concat);
        Arbitrary<String> tricky = Arbitraries.of("oven_temp", "door", "psu.volts", "t-1", "_", "x", "and", "OR",
                "Not", "for", "clear", "COOLDOWN", "in", "outside", "latest", "mean", "rate", "tumbling", "readings",
                "reading", "e", "E1", "s", "ms", "h1", "a".repeat(128));
        return Arbitraries.oneOf(generated, tricky);
    }

    public static Arbitrary<Duration> positiveDurations() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, 600).map(Duration::ofSeconds),
                Arbitraries.longs().between(1, 5000).map(Duration::ofMillis),
                Arbitraries.longs().between(1, 300).map(Duration::ofMinutes),
                Arbitraries.longs().between(1, 48).map(Duration::ofHours),
                Arbitraries.longs().between(1, Long.MAX_VALUE).map(Duration::ofNanos),
                Arbitraries.of(Duration.ofNanos(1), Duration.ofNanos(Long.MAX_VALUE), Duration.ofMinutes(90),
                        Duration.ofMillis(1500), Duration.ofNanos(3_723_004_005_006L)));
    }

    public static Arbitrary<Duration> durations() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Duration.ZERO)),
                net.jqwik.api.Tuple.of(3, positiveDurations()));
    }

    public static Arbitrary<Double> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1000, 1000).ofScale(3),
                Arbitraries.integers().between(-100_000, 100_000).map(Integer::doubleValue),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.of(0.0, -0.0, 0.1, -0.5, 1e-7, 1e21, 1e22, 123456789012345680.0, Double.MIN_VALUE,
                        -Double.MAX_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 180.0, 175.0));
    }

    public static Arbitrary<WindowRef> windows() {
        return Arbitraries.oneOf(
                positiveDurations().map(WindowRef::sliding),
                positiveDurations().map(WindowRef::tumbling),
                Arbitraries.oneOf(Arbitraries.integers().between(1, 1000), Arbitraries.of(1, WindowSpec.MAX_COUNT))
                        .map(WindowRef::count));
    }

    public static Arbitrary<OperandModel> operands() {
        Arbitrary<OperandModel> latest = names().map(OperandModel::latest);
        Arbitrary<OperandModel> aggregate = Combinators.combine(Arbitraries.of(Stat.class), names(), windows())
                .as(OperandModel::of);
        Arbitrary<OperandModel> detector = Combinators.combine(
                        Arbitraries.of(dev.benchwatch.engine.detect.DetectorKind.class), names(),
                        positiveDurations().map(WindowRef::sliding).injectNull(0.5))
                .as((kind, channel, window) -> OperandModel.detector(kind, channel, kind.takesWindow() ? window : null));
        return Arbitraries.oneOf(latest, aggregate, detector);
    }

    public static Arbitrary<ConditionNode> comparisons() {
        return operands().flatMap(TriggerArbitraries::comparisonsOf);
    }

    public static Arbitrary<ConditionNode> comparisonsOf(OperandModel operand) {
        Arbitrary<ConditionNode> leaf = Combinators.combine(Arbitraries.of(ComparisonOp.class), numbers())
                .as((op, threshold) -> new ConditionNode.Leaf(operand, op, threshold));
        Arbitrary<ConditionNode> range = Combinators.combine(Arbitraries.of(true, false), numbers(), numbers())
                .as((inside, a, b) -> Double.compare(a, b) <= 0 && a <= b
                        ? new ConditionNode.RangeLeaf(operand, inside, a, b)
                        : new ConditionNode.RangeLeaf(operand, inside, Math.min(a, b), Math.max(a, b)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(1, range));
    }

    public static Arbitrary<ConditionNode> conditions(int depth) {
        if (depth <= 1) {
            return comparisons();
        }
        Arbitrary<ConditionNode> group = Combinators.combine(Arbitraries.of(ConditionNode.Joiner.class),
                        Arbitraries.lazy(() -> conditions(depth - 1)).list().ofMinSize(2).ofMaxSize(4))
                .as(ConditionNode.Group::new);
        Arbitrary<ConditionNode> not = Arbitraries.lazy(() -> conditions(depth - 1)).map(ConditionNode.Not::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, comparisons()), net.jqwik.api.Tuple.of(2, group),
                net.jqwik.api.Tuple.of(1, not));
    }

    /** WHEN, then a CLEAR that is absent, the shorthand (same operand) or any condition. */
    public static Arbitrary<TriggerExpression> expressions() {
        return conditions(4).flatMap(when -> {
            Arbitrary<Optional<ConditionNode>> clear = Arbitraries.oneOf(
                    Arbitraries.just(Optional.<ConditionNode>empty()),
                    when.isComparison() ? comparisonsOf(when.comparisonOperand()).map(Optional::of)
                            : conditions(3).map(Optional::of),
                    conditions(3).map(Optional::of));
            return Combinators.combine(durations(), clear, durations())
                    .as((forDuration, c, cooldown) -> new TriggerExpression(when, forDuration, c.orElse(null),
                            cooldown));
        });
    }

    public static Arbitrary<String> templates() {
        return Arbitraries.oneOf(
                Arbitraries.of("{trigger} fired", "{\"value\": {value}, \"severity\": \"{severity}\"}",
                        "{channel} = {value}", "HEATER OFF", "at {time} {state}", "{ not a placeholder }"),
                Arbitraries.strings().alpha().numeric().withChars(' ', '{', '}', '"').ofMinLength(1).ofMaxLength(30)
                        .filter(s -> !s.isBlank() && !s.matches("(?s).*\\{[A-Za-z_]+}.*")));
    }

    public static Arbitrary<ActionModel> actions() {
        return Arbitraries.oneOf(
                templates().map(ActionModel.Log::new),
                Combinators.combine(templates(), templates()).as(ActionModel.Notify::new),
                Combinators.combine(names(), templates(), Arbitraries.of(ActionModel.LineEnding.class))
                        .as(ActionModel.DeviceCommand::new),
                Combinators.combine(Arbitraries.of("lab/alarms/oven", "bench/1/state"), templates(),
                        Arbitraries.integers().between(0, 2), Arbitraries.of(true, false))
                        .as(ActionModel.MqttPublish::new),
                templates().map(ActionModel.RecordingMarker::new));
    }

    public static Arbitrary<TriggerModel> models() {
        return Combinators.combine(names(), Arbitraries.strings().ofMaxLength(20), Arbitraries.of(Severity.class),
                        expressions(), actions().list().ofMaxSize(3), Arbitraries.of(TriggerModel.Mode.class),
                        Arbitraries.of(true, false))
                .as((id, name, severity, expression, actions, mode, enabled) -> new TriggerModel(id, name, severity,
                        expression.when(), expression.forDuration(), expression.clear(), expression.cooldown(),
                        List.copyOf(actions), mode, enabled));
    }
}
