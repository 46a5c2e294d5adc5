package dev.benchwatch.device.mqtt;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Counts the QoS 0 messages the HiveMQ client discards by itself: when a subscriber falls behind, the
 * client's bounded incoming queue for QoS 0 drops messages and only logs a WARN line for each, which no
 * API reports. This appender turns those lines into a counter (for every MQTT connection of the process:
 * the line does not say which client dropped). QoS 1 and 2 are never dropped this way.
 */
final class ClientQueueDrops extends AppenderBase<ILoggingEvent> {
    static final String LOGGER = "com.hivemq.client.internal.mqtt.handler.publish.incoming.MqttIncomingPublishService";
    private static final String DROPPED = "QoS 0 publish message dropped.";
    private static final ClientQueueDrops INSTANCE = install();

    private final AtomicLong drops = new AtomicLong();

    /** QoS 0 messages dropped by the MQTT client so far, in this process; -1 when they cannot be counted. */
    static long count() {
        return INSTANCE == null ? -1 : INSTANCE.drops.get();
    }

    private static ClientQueueDrops install() {
        if (!(LoggerFactory.getLogger(LOGGER) instanceof Logger logger)) {
            return null; // SLF4J bound to something other than Logback: drops stay uncounted (and logged)
        }
        ClientQueueDrops counter = new ClientQueueDrops();
        counter.setContext(logger.getLoggerContext());
        counter.setName("hivemq-qos0-drops");
        counter.start();
        logger.addAppender(counter);
        return counter;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (DROPPED.equals(event.getMessage())) {
            drops.incrementAndGet();
        }
    }
}
