package dev.benchwatch.engine.pipeline;

import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.WindowKind;
import java.util.Objects;

/** One step of a pipeline. Each rejects an invalid setting at construction with a clear message. */
public sealed interface OperatorSpec {

    /** Passes readings for which {@code value op threshold} holds. */
    record Filter(ComparisonOp op, double threshold) implements OperatorSpec {
        public Filter {
            Objects.requireNonNull(op, "filter comparison");
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException("filter threshold must be finite, got " + threshold);
            }
        }
    }

    /** value * scale + offset. */
    record Map(double scale, double offset) implements OperatorSpec {
        public Map {
            if (!Double.isFinite(scale) || !Double.isFinite(offset)) {
                throw new IllegalArgumentException("map scale and offset must be finite, got " + scale + ", " + offset);
            }
        }

        /** A unit conversion such as °C to °F. */
        public static Map convert(String fromUnit, String toUnit) {
            UnitConversion conversion = UnitConversion.of(fromUnit, toUnit);
            return new Map(conversion.scale(), conversion.offset());
        }
    }

    /**
     * Drops (and counts) readings that are outside [min, max], non-finite, or older than {@code maxAgeNanos}
     * behind the engine's clock (0: no age check).
     */
    record Validate(double min, double max, long maxAgeNanos) implements OperatorSpec {
        public Validate {
            if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
                throw new IllegalArgumentException("validate range must have min <= max, got [" + min + ", " + max + "]");
            }
            if (maxAgeNanos < 0) {
                throw new IllegalArgumentException("validate max age must be >= 0, got " + maxAgeNanos);
            }
        }

        public static Validate finiteOnly() {
            return new Validate(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0);
        }
    }

    /** Adds tags to the output channel's metadata; values pass unchanged. */
    record Enrich(java.util.Map<String, String> tags) implements OperatorSpec {
        public Enrich {
            if (tags == null || tags.isEmpty()) {
                throw new IllegalArgumentException("enrich needs at least one tag");
            }
            tags = java.util.Map.copyOf(tags);
        }
    }

    /**
     * Pairs each reading with a reading of {@code otherChannel} no more than {@code toleranceNanos} apart
     * (each reading is paired at most once) and emits {@code function(stream, other)}.
     */
    record Join(String otherChannel, long toleranceNanos, JoinFunction function) implements OperatorSpec {
        public Join {
            if (otherChannel == null || otherChannel.isBlank()) {
                throw new IllegalArgumentException("join needs the other channel's name");
            }
            if (toleranceNanos < 0) {
                throw new IllegalArgumentException("join tolerance must be >= 0, got " + toleranceNanos);
            }
            Objects.requireNonNull(function, "join function");
        }
    }

    /**
     * Feeds the stream into a window of its own and emits the window's statistic: with every reading
     * for sliding and count windows, when a bucket or session closes for tumbling and session windows.
     */
    record Aggregate(WindowKind kind, long sizeNanos, int count, Stat stat) implements OperatorSpec {
        public Aggregate {
            Objects.requireNonNull(kind, "aggregate window kind");
            Objects.requireNonNull(stat, "aggregate statistic");
            // the window spec's own checks give the message
            new dev.benchwatch.engine.window.WindowSpec("aggregate", "stream", kind, sizeNanos, count);
        }
    }

    default String operatorName() {
        return switch (this) {
            case Filter f -> "filter";
            case Map m -> "map";
            case Validate v -> "validate";
            case Enrich e -> "enrich";
            case Join j -> "join";
            case Aggregate a -> "aggregate";
        };
    }

}
