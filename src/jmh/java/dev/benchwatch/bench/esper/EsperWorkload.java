package dev.benchwatch.bench.esper;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.EventBean;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompileException;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import com.espertech.esper.runtime.client.EPDeployException;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPEventService;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;
import com.espertech.esper.runtime.client.EPStatement;
import dev.benchwatch.bench.Workload;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link Workload} as Esper 9 EPL, driven on the calling thread with an external clock (no timer
 * thread, no inbound or outbound thread pools, no locking).
 *
 * <p>Per channel {@code c} (layout {@link Layout#PER_CHANNEL}, 128 statements, routed by Esper's filter index):
 * <pre>
 * select avg(value), min(value), max(value), stddev(value) from Reading(channel=c)#ext_timed(ts, 1 sec)
 * select avg(value), min(value), max(value), stddev(value) from Reading(channel=c)#length(1000)
 *     having avg(value) &gt; 30.0          -- with a listener: the threshold trigger
 * </pre>
 * or, grouped ({@link Layout#GROUPED}, 2 statements), {@code from Reading#groupwin(channel)#ext_timed(ts, 1 sec)
 * group by channel} and {@code from Reading#groupwin(channel)#length(1000) group by channel having ...}.
 * With {@link Clock#RUNTIME} the time window is {@code #time(1 sec)} and the runtime clock is advanced
 * to each round's event time with {@code advanceTime} before the round is sent.
 */
public final class EsperWorkload implements AutoCloseable {
    /** How the per-channel windows are expressed. */
    public enum Layout { PER_CHANNEL, GROUPED }

    /** Where the 1 s window takes its time from. */
    public enum Clock {
        /** {@code #ext_timed(ts, 1 sec)}: the reading's own timestamp, like Benchwatch's event time. */
        EVENT,
        /** {@code #time(1 sec)} on the runtime clock, advanced to every round's event time. */
        RUNTIME
    }

    /** How a reading is handed to Esper. */
    public enum Representation { BEAN, OBJECT_ARRAY }

    /** How min and max are asked for. */
    public enum MinMax {
        /** {@code min(value), max(value)}: each keeps its own sorted, counted set of the window's values. */
        MIN_MAX,
        /** {@code sorted(value).firstKey(), sorted(value).lastKey()}: one shared sorted aggregation. */
        SORTED
    }

    private static final AtomicInteger RUNTIMES = new AtomicInteger();

    private final Layout layout;
    private final Clock clock;
    private final Representation representation;
    private final EPRuntime runtime;
    private final EPEventService events;
    private final EPDeployment deployment;
    private long alarms;

    /**
     * @param check add {@code count(*)} and drop the {@code having} clause, so {@link #stats} can read
     *              every window (used to check the workload against Benchwatch's)
     */
    public EsperWorkload(Layout layout, Clock clock, Representation representation, MinMax minMax, boolean check) {
        this.layout = layout;
        this.clock = clock;
        this.representation = representation;
        Configuration configuration = new Configuration();
        if (representation == Representation.BEAN) {
            configuration.getCommon().addEventType("Reading", EsperReading.class);
        } else {
            configuration.getCommon().addEventType("Reading", new String[] {"channel", "ts", "value"},
                    new Object[] {int.class, long.class, double.class});
        }
        configuration.getCommon().getTimeSource().setTimeUnit(TimeUnit.MICROSECONDS);
        configuration.getRuntime().getThreading().setInternalTimerEnabled(false);
        configuration.getRuntime().getThreading().setListenerDispatchPreserveOrder(false);
        configuration.getRuntime().getThreading().setInsertIntoDispatchPreserveOrder(false);
        configuration.getRuntime().getExecution().setDisableLocking(true); // one sending thread
        String epl = epl(layout, clock, minMax, check);
        try {
            EPCompiled compiled = EPCompilerProvider.getCompiler().compile(epl, new CompilerArguments(configuration));
            runtime = EPRuntimeProvider.getRuntime("benchwatch-bench-" + RUNTIMES.incrementAndGet(), configuration);
            events = runtime.getEventService();
            events.clockExternal();
            events.advanceTime(Workload.START_NANOS / 1_000);
            deployment = runtime.getDeploymentService().deploy(compiled);
        } catch (EPCompileException | EPDeployException e) {
            throw new IllegalStateException("Esper workload failed to compile or deploy:\n" + epl, e);
        }
        for (EPStatement statement : deployment.getStatements()) {
            if (statement.getName().startsWith("n")) {
                statement.addListener((newEvents, oldEvents, st, rt) -> alarms += newEvents == null ? 0
                        : newEvents.length);
            }
        }
    }

    /** The EPL module of the workload. */
    public static String epl(Layout layout, Clock clock, MinMax minMax, boolean check) {
        String extremes = minMax == MinMax.MIN_MAX ? "min(value) as mn, max(value) as mx"
                : "sorted(value).firstKey() as mn, sorted(value).lastKey() as mx";
        String stats = "avg(value) as mean, " + extremes + ", stddev(value) as sd" + (check ? ", count(*) as cnt" : "");
        String having = check ? "" : String.format(Locale.ROOT, " having avg(value) > %s", Workload.THRESHOLD);
        String time = clock == Clock.EVENT ? "#ext_timed(ts, 1 sec)" : "#time(1 sec)";
        String count = "#length(" + Workload.COUNT_WINDOW + ")";
        StringBuilder epl = new StringBuilder();
        if (layout == Layout.GROUPED) {
            epl.append("@name('t') select channel, ").append(stats).append(" from Reading#groupwin(channel)")
                    .append(time).append(" group by channel;\n");
            epl.append("@name('n') select channel, ").append(stats).append(" from Reading#groupwin(channel)")
                    .append(count).append(" group by channel").append(having).append(";\n");
        } else {
            for (int c = 0; c < Workload.CHANNELS; c++) {
                epl.append("@name('t").append(c).append("') select ").append(stats).append(" from Reading(channel=")
                        .append(c).append(')').append(time).append(";\n");
                epl.append("@name('n").append(c).append("') select ").append(stats).append(" from Reading(channel=")
                        .append(c).append(')').append(count).append(having).append(";\n");
            }
        }
        return epl.toString();
    }

    /** Sends one reading; {@code eventTimeNanos} is converted to Esper's microseconds. */
    public void send(int channel, long eventTimeNanos, double value) {
        long micros = eventTimeNanos / 1_000;
        if (representation == Representation.BEAN) {
            events.sendEventBean(new EsperReading(channel, micros, value), "Reading");
        } else {
            events.sendEventObjectArray(new Object[] {channel, micros, value}, "Reading");
        }
    }

    /** Called before every round: advances the runtime clock when the time window runs on it. */
    public void startRound(long eventTimeNanos) {
        if (clock == Clock.RUNTIME) {
            events.advanceTime(eventTimeNanos / 1_000);
        }
    }

    /** Threshold alarms delivered to the listeners so far. */
    public long alarms() {
        return alarms;
    }

    /**
     * The statistics of a channel's window (check mode only): {mean, min, max, stddev, count}, or null
     * when the window is empty.
     */
    public double[] stats(int channel, boolean timeWindow) {
        String name = (timeWindow ? "t" : "n") + (layout == Layout.GROUPED ? "" : Integer.toString(channel));
        EPStatement statement = runtime.getDeploymentService().getStatement(deployment.getDeploymentId(), name);
        Iterator<EventBean> rows = statement.iterator();
        while (rows.hasNext()) {
            EventBean row = rows.next();
            if (layout == Layout.GROUPED && ((Number) row.get("channel")).intValue() != channel) {
                continue;
            }
            return new double[] {number(row, "mean"), number(row, "mn"), number(row, "mx"), number(row, "sd"),
                    number(row, "cnt")};
        }
        return null;
    }

    private static double number(EventBean row, String property) {
        Object value = row.get(property);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    @Override
    public void close() {
        runtime.destroy();
    }
}
