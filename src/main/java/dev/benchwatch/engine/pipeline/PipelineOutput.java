package dev.benchwatch.engine.pipeline;

/** What a running pipeline hands its results to: the engine. */
public interface PipelineOutput {
    /** A derived reading for the pipeline's output channel. */
    void emit(Pipeline pipeline, long timestampNanos, double value);

    /** A validate step refused a reading; {@code reason} is out_of_range, non_finite or stale. */
    void validationFailed(Pipeline pipeline, String reason, long timestampNanos, double value);

    /** The engine's current time, nanoseconds since the epoch (for staleness checks). */
    long nowNanos();
}
