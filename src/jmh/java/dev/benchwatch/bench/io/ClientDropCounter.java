package dev.benchwatch.bench.io;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Counts the QoS 0 messages the HiveMQ client drops on its own: when the application's callback falls
 * behind, the client's incoming QoS 0 queue (bounded by the receive maximum, 65,535) discards messages
 * and only logs one WARN line each ("QoS 0 publish message dropped."), which nothing else counts. This
 * appender takes those lines off the console and counts them instead.
 */
final class ClientDropCounter extends AppenderBase<ILoggingEvent> {
    static final String LOGGER =
            "com.hivemq.client.internal.mqtt.handler.publish.incoming.MqttIncomingPublishService";
    private static final String DROPPED = "QoS 0 publish message dropped.";

    private final AtomicLong drops = new AtomicLong();

    /** Installs the counter, or returns null when SLF4J is not bound to Logback. */
    static ClientDropCounter install() {
        if (!(LoggerFactory.getLogger(LOGGER) instanceof Logger logger)) {
            return null;
        }
        ClientDropCounter counter = new ClientDropCounter();
        counter.setContext(logger.getLoggerContext());
        counter.setName("hivemq-qos0-drops");
        counter.start();
        logger.addAppender(counter);
        logger.setAdditive(false);
        return counter;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (DROPPED.equals(event.getMessage())) {
            drops.incrementAndGet();
        }
    }

    long drops() {
        return drops.get();
    }
}
