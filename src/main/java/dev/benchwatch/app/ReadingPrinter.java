package dev.benchwatch.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchwatch.device.DeviceOutput;
import dev.benchwatch.engine.event.Event;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Prints each reading as a JSON line ({@code {"t", "device", "channel", "value"}}) and each status as a
 * {@code #} comment on stderr; counts down {@link #done()} after {@code limit} readings (0: no limit) or
 * when the source cannot work (refused, TLS failure).
 */
final class ReadingPrinter implements DeviceOutput {
    private static final Set<String> FATAL_STATES = Set.of("REFUSED", "TLS_FAILED");

    private final PrintWriter out;
    private final PrintWriter err;
    private final long limit;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String[]> channels = new ArrayList<>(); // id -> {device, channel}
    private final CountDownLatch done = new CountDownLatch(1);
    private long printed;
    private volatile String failure;

    ReadingPrinter(PrintWriter out, PrintWriter err, long limit) {
        this.out = out;
        this.err = err;
        this.limit = limit;
    }

    @Override
    public synchronized int channel(String name, String unit, String device) {
        String prefix = device + ".";
        channels.add(new String[] {device, name.startsWith(prefix) ? name.substring(prefix.length()) : name});
        return channels.size() - 1;
    }

    @Override
    public synchronized boolean reading(int channel, long timestampNanos, double value) {
        if (limit > 0 && printed >= limit) {
            return false;
        }
        ObjectNode line = json.createObjectNode();
        line.put("t", Instant.ofEpochSecond(0, timestampNanos).toString());
        line.put("device", channels.get(channel)[0]);
        line.put("channel", channels.get(channel)[1]);
        line.put("value", value);
        out.println(line);
        out.flush();
        printed++;
        if (limit > 0 && printed >= limit) {
            done.countDown();
        }
        return true;
    }

    @Override
    public void status(Event event) {
        synchronized (err) {
            err.println("# " + event.data());
            err.flush();
        }
        if (FATAL_STATES.contains(event.metadata().get("state"))) {
            failure = event.data();
            done.countDown();
        }
    }

    CountDownLatch done() {
        return done;
    }

    synchronized long printed() {
        return printed;
    }

    /** Why the source cannot work, or null. */
    String failure() {
        return failure;
    }
}
