package dev.benchwatch.record;

import dev.benchwatch.engine.action.ActionPorts;

/**
 * The engine's marker port when the recorder comes later: an engine takes its ports when it is built, and a
 * {@link SessionRecorder} needs the engine first. Markers go to the attached recorder, which refuses them
 * itself when it is not recording; before one is attached they fail with the same message.
 */
public final class RecorderMarkers implements ActionPorts.MarkerPort {
    private volatile SessionRecorder recorder;

    /** {@code base} with its markers going here. */
    public ActionPorts routing(ActionPorts base) {
        return base.withMarkers(this);
    }

    public void attach(SessionRecorder value) {
        recorder = value;
    }

    @Override
    public void mark(long timestampNanos, String label) {
        SessionRecorder current = recorder;
        if (current == null) {
            throw new IllegalStateException("no recording in progress: marker '" + label + "' not written");
        }
        current.mark(timestampNanos, label);
    }
}
