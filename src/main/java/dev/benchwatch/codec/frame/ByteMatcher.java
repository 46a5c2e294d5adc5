package dev.benchwatch.codec.frame;

/**
 * Finds a byte sequence in a stream fed one byte at a time (Knuth-Morris-Pratt), so a delimiter split
 * across two chunks of the port is still found, and a self-overlapping one (such as {@code **}/) is not missed.
 */
final class ByteMatcher {
    private final byte[] pattern;
    private final int[] fallback;
    private int matched;

    ByteMatcher(byte[] pattern) {
        if (pattern == null || pattern.length == 0) {
            throw new IllegalArgumentException("a delimiter needs at least one byte");
        }
        this.pattern = pattern.clone();
        this.fallback = new int[pattern.length];
        for (int i = 1, k = 0; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = fallback[k - 1];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            fallback[i] = k;
        }
    }

    /** Feeds one byte; true when it completes the pattern. */
    boolean step(byte b) {
        while (matched > 0 && b != pattern[matched]) {
            matched = fallback[matched - 1];
        }
        if (b == pattern[matched]) {
            matched++;
        }
        if (matched == pattern.length) {
            matched = fallback[matched - 1];
            return true;
        }
        return false;
    }

    int length() {
        return pattern.length;
    }

    void reset() {
        matched = 0;
    }
}
