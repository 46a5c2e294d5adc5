package dev.benchwatch.workspace.file;

import dev.benchwatch.engine.pipeline.JoinFunction;
import dev.benchwatch.engine.pipeline.OperatorSpec;
import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.WindowKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Binds one operator of a pipeline: filter, map, validate, enrich, join or aggregate. */
final class OperatorBinder {
    private final Problems problems;
    private final References references;

    OperatorBinder(Problems problems, References references) {
        this.problems = problems;
        this.references = references;
    }

    OperatorSpec bind(Json node, String path) {
        Fields f = Fields.of(node, path, "an operator", problems);
        if (f == null) {
            return null;
        }
        String ops = "filter, map, validate, enrich, join, aggregate";
        String op = f.name("op", true, null, "one of " + ops);
        if (op == null) {
            return null;
        }
        OperatorSpec result = switch (op) {
            case "filter" -> {
                Json compare = f.raw("compare");
                ComparisonOp comparison = ComparisonOp.GT;
                String expected = "one of >, >=, <, <=, ==, !=";
                if (compare == null) {
                    f.missing("compare", expected);
                } else {
                    comparison = compare instanceof Json.Str s ? Arrays.stream(ComparisonOp.values())
                            .filter(c -> c.symbol().equals(s.value())).findFirst().orElse(null) : null;
                    if (comparison == null) {
                        f.error(compare, "compare", "expected " + expected + ", got " + compare.show());
                        comparison = ComparisonOp.GT;
                    }
                }
                yield new OperatorSpec.Filter(comparison, f.number("threshold", true, 0));
            }
            case "map" -> new OperatorSpec.Map(f.number("scale", false, 1), f.number("offset", false, 0));
            case "validate" -> {
                double min = f.number("min", false, Double.NEGATIVE_INFINITY);
                double max = f.number("max", false, Double.POSITIVE_INFINITY);
                Duration maxAge = f.duration("maxAge", false, Duration.ZERO, false);
                if (min > max) {
                    f.error(f.raw("max"), "max", "expected max >= min (" + JsonText.number(min) + "), got " + JsonText.number(max));
                    yield null;
                }
                yield new OperatorSpec.Validate(min, max, maxAge.toNanos());
            }
            case "enrich" -> {
                Map<String, String> tags = new LinkedHashMap<>();
                Json tagsNode = f.raw("tags");
                if (tagsNode == null) {
                    f.missing("tags", "an object of tag names and texts");
                } else if (tagsNode instanceof Json.Obj o && !o.members().isEmpty()) {
                    for (Json.Member m : o.members().values()) {
                        if (m.value() instanceof Json.Str s) {
                            tags.put(m.name(), s.value());
                        } else {
                            problems.at(m.value(), WorkspaceError.member(f.path("tags"), m.name()),
                                    "expected a text, got " + m.value().show());
                            f.fail();
                        }
                    }
                } else {
                    f.error(tagsNode, "tags", "expected a non-empty object of tag names and texts, got " + tagsNode.show());
                }
                yield tags.isEmpty() ? null : new OperatorSpec.Enrich(tags);
            }
            case "join" -> {
                String other = f.identifier("channel", true, "the name of the channel to join");
                references.add(References.Target.CHANNEL, other, f, "channel");
                Duration tolerance = f.duration("tolerance", true, Duration.ZERO, false);
                JoinFunction function = f.choice("function", JoinFunction.class, JoinFunction.MULTIPLY, true);
                yield other == null ? null : new OperatorSpec.Join(other, tolerance.toNanos(), function);
            }
            case "aggregate" -> {
                WindowKind kind = f.choice("window", WindowKind.class, WindowKind.SLIDING_TIME, true);
                long[] size = WindowBinder.size(f, kind);
                Stat stat = statistic(f);
                yield stat == null ? null : new OperatorSpec.Aggregate(kind, size[0], (int) size[1], stat);
            }
            default -> {
                f.error(f.raw("op"), "op", "expected one of " + ops + ", got " + f.raw("op").show());
                yield null;
            }
        };
        f.rejectUnknown();
        return f.ok() ? result : null;
    }

    private Stat statistic(Fields f) {
        String expected = "one of " + String.join(", ", Arrays.stream(Stat.values()).map(Stat::key).toList());
        String key = f.name("stat", true, null, expected);
        if (key == null) {
            return null;
        }
        for (Stat stat : Stat.values()) {
            if (stat.key().equals(key)) {
                return stat;
            }
        }
        f.error(f.raw("stat"), "stat", "expected " + expected + ", got " + f.raw("stat").show());
        return null;
    }
}
