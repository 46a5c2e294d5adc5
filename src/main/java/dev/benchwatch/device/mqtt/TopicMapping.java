package dev.benchwatch.device.mqtt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the device and the channel of a message from its topic: templates with {@code {n}} for the n-th
 * topic level (from 0), or {@code {-n}} for the n-th level from the end. For {@code lab/oven/temp}, device
 * {@code {1}} and channel {@code {2}} give device {@code oven}, channel {@code temp}; so do {@code {-2}} and
 * {@code {-1}}, whatever the depth. A level that does not exist leaves the message unnamed (counted).
 */
public record TopicMapping(String deviceTemplate, String channelTemplate) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(-?\\d{1,4})}");

    /** Device from the level before the last, channel from the last: {@code lab/oven/temp} is oven, temp. */
    public static final TopicMapping LAST_TWO_LEVELS = new TopicMapping("{-2}", "{-1}");

    public TopicMapping {
        if (deviceTemplate == null || deviceTemplate.isBlank() || channelTemplate == null || channelTemplate.isBlank()) {
            throw new IllegalArgumentException("topic mapping needs a device and a channel template");
        }
    }

    /** The device name for a topic, or null when the topic has too few levels. */
    public String device(String topic) {
        return fill(deviceTemplate, topic.split("/", -1));
    }

    /** The channel name for a topic, or null when the topic has too few levels. */
    public String channel(String topic) {
        return fill(channelTemplate, topic.split("/", -1));
    }

    private static String fill(String template, String[] levels) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int level = Integer.parseInt(m.group(1));
            if (level < 0) {
                level += levels.length;
            }
            if (level < 0 || level >= levels.length || levels[level].isEmpty()) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(levels[level]));
        }
        m.appendTail(out);
        return out.toString().replaceAll("[^A-Za-z0-9_.\\-]", "_");
    }
}
