package dev.benchwatch.codec;

/** Why bytes from a device did not become readings. Counted per reason; the stream always goes on. */
public enum DecodeErrorReason {
    /** A frame grew past the configured limit (default 64 KiB); its bytes were discarded. */
    OVERLONG_FRAME,
    /** Bytes that are not valid UTF-8 in a text frame. */
    INVALID_UTF8,
    /** A field that should be a number is not one. */
    MALFORMED_NUMBER,
    /** A JSON document ended early. */
    TRUNCATED_JSON,
    /** A JSON document that is not valid JSON, or not an object. */
    INVALID_JSON,
    /** A binary frame whose CRC does not match its contents. */
    CRC_MISMATCH,
    /** A binary frame shorter than its layout or its length prefix says. */
    TRUNCATED_FRAME,
    /** A text frame the decoder's pattern does not match, or with the wrong number of fields. */
    NO_MATCH,
    /** A partial frame dropped because the device went away (unplug) before it ended. */
    INCOMPLETE_AT_DISCONNECT
}
