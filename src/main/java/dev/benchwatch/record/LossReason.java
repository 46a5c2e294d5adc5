package dev.benchwatch.record;

/** Why a reading the engine accepted did not reach the recording. Every lost reading has one. */
public enum LossReason {
    /** The recorder fell behind and its buffer was full: the engine is never made to wait for the disk. */
    BUFFER_FULL("recorder buffer full"),
    /** SQLite refused to write (disk full, file size limit, I/O error): the recording stopped writing. */
    WRITE_FAILED("write failed");

    private final String label;

    LossReason(String label) {
        this.label = label;
    }

    /** Short text for the session row's {@code lost_reason} and for alerts. */
    public String label() {
        return label;
    }
}
