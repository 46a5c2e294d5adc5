package dev.benchwatch.record;

/**
 * One channel of a session.
 *
 * @param id      the channel's row id, which readings refer to (unique in the file, not only in the session)
 * @param name    the channel's name, as the engine and triggers know it
 * @param unit    its unit, "" when none
 * @param device  the device that wrote it, "" for a pipeline's output
 * @param derived true for a pipeline's output (recorded, but a replay lets the pipelines derive it again)
 */
public record RecordedChannel(int id, String name, String unit, String device, boolean derived) {
}
