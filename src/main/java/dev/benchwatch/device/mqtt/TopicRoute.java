package dev.benchwatch.device.mqtt;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * What one topic maps to, worked out once per topic rather than once per message: the device and channel
 * names, and the engine channel id of each decoded field (filled in as fields first appear).
 */
final class TopicRoute {
    /** The route of a topic with too few levels for the mapping: its messages are counted, not read. */
    static final TopicRoute UNNAMED = new TopicRoute(null, null);

    final String device;
    final String channel;
    /** The topic names a device the adapter was not told to expect; null for an expected one. */
    final java.util.concurrent.atomic.AtomicLong unexpected;
    private int[] fieldChannels = new int[0];

    TopicRoute(String device, String channel) {
        this(device, channel, false);
    }

    TopicRoute(String device, String channel, boolean unexpected) {
        this.device = device;
        this.channel = channel;
        this.unexpected = unexpected ? new java.util.concurrent.atomic.AtomicLong() : null;
    }

    boolean named() {
        return device != null && channel != null;
    }

    /** The engine channel of decoded field {@code field}, registering it through {@code register} the first time. */
    int channelOf(int field, IntUnaryOperator register) {
        if (field >= fieldChannels.length) {
            int old = fieldChannels.length;
            fieldChannels = Arrays.copyOf(fieldChannels, Math.max(field + 1, old * 2));
            Arrays.fill(fieldChannels, old, fieldChannels.length, -1);
        }
        int id = fieldChannels[field];
        if (id < 0) {
            id = register.applyAsInt(field);
            fieldChannels[field] = id;
        }
        return id;
    }

    /** The channel name for a decoded field: the topic's channel, then the field's name unless it is the plain value. */
    String channelName(String fieldName) {
        boolean plain = fieldName.equals("value") || fieldName.equals("value1") || fieldName.equals("/value");
        return device + "." + channel + (plain ? "" : "." + fieldName.replaceAll("[^A-Za-z0-9_.\\-]", "_"));
    }
}
