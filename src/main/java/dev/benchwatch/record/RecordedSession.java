package dev.benchwatch.record;

/**
 * One session of a recording as its {@code session} row describes it.
 *
 * @param id        the session's id (the {@code --session} a command takes)
 * @param startedNs when recording started, nanoseconds since the epoch
 * @param stoppedNs when it stopped, or -1 when it never did (the recorder crashed or is still running)
 * @param workspace the workspace the session ran, "" when unknown
 * @param accepted  readings the engine accepted, at the recorder's last commit
 * @param recorded  readings written, at the recorder's last commit
 * @param lost      readings the recorder lost
 * @param lostReason why they were lost, "" when none were
 */
public record RecordedSession(long id, long startedNs, long stoppedNs, String workspace, long accepted,
                              long recorded, long lost, String lostReason) {
    /** True when the session has a stop time. */
    public boolean stopped() {
        return stoppedNs >= 0;
    }
}
