package dev.benchwatch.engine.pipeline;

import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.Window;
import dev.benchwatch.engine.window.WindowResult;
import dev.benchwatch.engine.window.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A registered pipeline running on the engine thread: a chain of stages, each passing its result to
 * the next, the last emitting onto the output channel. Primitive values only; no allocation per reading.
 */
public final class Pipeline {
    /** One operator at run time. */
    interface Stage {
        void accept(long timestampNanos, double value);
    }

    private final PipelineSpec spec;
    private final int inputChannel;
    private final int outputChannel;
    private final PipelineOutput output;
    private final Stage head;
    private final List<JoinStage> joins = new ArrayList<>();
    private long emitted;
    private long validationFailures;

    /**
     * @param channelIds resolves channel names (throws for an unknown name)
     */
    public Pipeline(PipelineSpec spec, int inputChannel, int outputChannel, ToIntFunction<String> channelIds,
                    PipelineOutput output) {
        this.spec = spec;
        this.inputChannel = inputChannel;
        this.outputChannel = outputChannel;
        this.output = output;
        Stage next = (ts, v) -> {
            emitted++;
            output.emit(this, ts, v);
        };
        List<OperatorSpec> operators = spec.operators();
        for (int i = operators.size() - 1; i >= 0; i--) {
            next = stageFor(operators.get(i), next, channelIds);
        }
        this.head = next;
    }

    private Stage stageFor(OperatorSpec operator, Stage next, ToIntFunction<String> channelIds) {
        return switch (operator) {
            case OperatorSpec.Filter filter -> (ts, v) -> {
                if (filter.op().test(v, filter.threshold())) {
                    next.accept(ts, v);
                }
            };
            case OperatorSpec.Map map -> (ts, v) -> next.accept(ts, v * map.scale() + map.offset());
            case OperatorSpec.Validate validate -> (ts, v) -> {
                if (!Double.isFinite(v)) {
                    failed("non_finite", ts, v);
                } else if (v < validate.min() || v > validate.max()) {
                    failed("out_of_range", ts, v);
                } else if (validate.maxAgeNanos() > 0 && output.nowNanos() - ts > validate.maxAgeNanos()) {
                    failed("stale", ts, v);
                } else {
                    next.accept(ts, v);
                }
            };
            case OperatorSpec.Enrich enrich -> next; // tags go onto the output channel at registration
            case OperatorSpec.Join join -> {
                JoinStage stage = new JoinStage(channelIds.applyAsInt(join.otherChannel()), join, next);
                joins.add(stage);
                yield stage;
            }
            case OperatorSpec.Aggregate aggregate -> {
                Window window = Window.create(new WindowSpec(spec.id() + ".aggregate", spec.input(), aggregate.kind(),
                        aggregate.sizeNanos(), aggregate.count()), inputChannel);
                Stat stat = aggregate.stat();
                yield (ts, v) -> {
                    WindowResult closed = window.add(ts, v);
                    if (window.isContinuous()) {
                        next.accept(ts, window.value(stat));
                    } else if (closed != null) {
                        next.accept(closed.endNanos(), closed.get(stat));
                    }
                };
            }
        };
    }

    private void failed(String reason, long ts, double v) {
        validationFailures++;
        output.validationFailed(this, reason, ts, v);
    }

    /** A reading of the input channel. */
    public void accept(long timestampNanos, double value) {
        head.accept(timestampNanos, value);
    }

    /** A reading of a channel some join step of this pipeline pairs with. */
    public void acceptOther(int channel, long timestampNanos, double value) {
        for (JoinStage join : joins) {
            if (join.otherChannel == channel) {
                join.acceptOther(timestampNanos, value);
            }
        }
    }

    /** Channels that join steps read besides the input. */
    public int[] otherChannels() {
        return joins.stream().mapToInt(j -> j.otherChannel).distinct().toArray();
    }

    public PipelineSpec spec() {
        return spec;
    }

    public String id() {
        return spec.id();
    }

    public int inputChannel() {
        return inputChannel;
    }

    public int outputChannel() {
        return outputChannel;
    }

    public long emitted() {
        return emitted;
    }

    public long validationFailures() {
        return validationFailures;
    }

    /** Pairs readings of the stream (left) with readings of another channel (right) within a tolerance. */
    private static final class JoinStage implements Stage {
        private final int otherChannel;
        private final long tolerance;
        private final JoinFunction function;
        private final Stage next;
        private boolean hasLeft;
        private long leftTs;
        private double left;
        private boolean hasRight;
        private long rightTs;
        private double right;

        JoinStage(int otherChannel, OperatorSpec.Join join, Stage next) {
            this.otherChannel = otherChannel;
            this.tolerance = join.toleranceNanos();
            this.function = join.function();
            this.next = next;
        }

        @Override
        public void accept(long ts, double value) {
            if (hasRight && Math.abs(ts - rightTs) <= tolerance) {
                hasRight = false;
                next.accept(Math.max(ts, rightTs), function.apply(value, right));
            } else {
                hasLeft = true;
                leftTs = ts;
                left = value;
            }
        }

        void acceptOther(long ts, double value) {
            if (hasLeft && Math.abs(ts - leftTs) <= tolerance) {
                hasLeft = false;
                next.accept(Math.max(ts, leftTs), function.apply(left, value));
            } else {
                hasRight = true;
                rightTs = ts;
                right = value;
            }
        }
    }
}
