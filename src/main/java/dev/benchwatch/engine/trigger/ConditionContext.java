package dev.benchwatch.engine.trigger;

import dev.benchwatch.engine.event.EventType;
import java.util.function.DoubleSupplier;

/** What a condition can look at, provided by the engine when it compiles a trigger. */
public interface ConditionContext {
    /** A live view of an operand's current value; throws with a clear message when it names nothing. */
    DoubleSupplier probe(Operand operand);

    /** The channel ids an operand depends on (a latest value, or the channel of a window). */
    int channelOf(Operand operand);

    /**
     * A one-element cell holding the event time of the most recent event of this type and device
     * (Long.MIN_VALUE until one happens); the engine keeps it up to date.
     */
    long[] lastEventCell(EventType type, String device);
}
