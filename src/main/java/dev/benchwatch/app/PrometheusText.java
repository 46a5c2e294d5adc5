package dev.benchwatch.app;

import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.RejectReason;
import dev.benchwatch.engine.metrics.ChannelValue;
import dev.benchwatch.engine.metrics.EngineMetrics;
import dev.benchwatch.engine.metrics.SourceMetrics;
import dev.benchwatch.engine.metrics.TriggerStatus;
import dev.benchwatch.engine.trigger.TriggerState;
import java.util.Locale;

/**
 * The engine's snapshot in the Prometheus text exposition format (version 0.0.4), for {@code run
 * --metrics-port}: counters as {@code _total} (events by type, so anomalies and system alerts can be counted),
 * latency quantiles in seconds as a summary, one gauge per trigger state so a dashboard can count firing alarms. Label values are escaped as the format requires.
 */
final class PrometheusText {
    private PrometheusText() {
    }

    static String format(EngineSnapshot snapshot) {
        EngineMetrics m = snapshot.metrics();
        StringBuilder out = new StringBuilder(4096);
        counter(out, "benchwatch_readings_accepted_total", "Readings the engine accepted.", m.accepted());
        header(out, "benchwatch_readings_rejected_total", "counter", "Readings refused or dropped, by reason.");
        for (RejectReason reason : RejectReason.values()) {
            sample(out, "benchwatch_readings_rejected_total", "reason", reason.name().toLowerCase(Locale.ROOT),
                    m.rejected(reason));
        }
        counter(out, "benchwatch_readings_dropped_total", "Readings discarded from full ingest lanes.", m.drops());
        counter(out, "benchwatch_errors_total", "Validation failures, failed actions and failed event handlers.",
                m.errors());
        counter(out, "benchwatch_events_dropped_total", "Events lost because the event bus was full.",
                m.eventsDropped());
        header(out, "benchwatch_events_total", "counter", "Events recorded, by type: anomaly_detected counts "
                + "anomalies, system_alert device health alerts (and their clearings) and pipeline validation alerts.");
        for (EventType type : EventType.values()) {
            sample(out, "benchwatch_events_total", "type", type.name().toLowerCase(Locale.ROOT), m.events(type));
        }
        gauge(out, "benchwatch_readings_per_second", "Accepted readings per second over the last snapshot interval.",
                m.readingsPerSecond());
        gauge(out, "benchwatch_queue_depth", "Readings waiting in the ingest lanes.", m.queueDepth());
        header(out, "benchwatch_latency_seconds", "summary", "Ingest-to-trigger-decision latency.");
        quantile(out, "0.5", m.latency().p50());
        quantile(out, "0.99", m.latency().p99());
        quantile(out, "0.999", m.latency().p999());
        out.append("benchwatch_latency_seconds_count ").append(m.latency().count()).append('\n');
        header(out, "benchwatch_source_accepted_total", "counter", "Readings accepted per ingest source (device).");
        for (SourceMetrics source : m.sources()) {
            sample(out, "benchwatch_source_accepted_total", "source", source.name(), source.accepted());
        }
        header(out, "benchwatch_channel_latest", "gauge", "The latest value of each channel.");
        for (ChannelValue channel : snapshot.channels()) {
            if (!Double.isNaN(channel.latest())) {
                sample(out, "benchwatch_channel_latest", "channel", channel.name(), channel.latest());
            }
        }
        header(out, "benchwatch_trigger_state", "gauge", "1 for the state each trigger is in, 0 for the others.");
        for (TriggerStatus trigger : snapshot.triggers()) {
            for (TriggerState state : TriggerState.values()) {
                out.append("benchwatch_trigger_state{trigger=\"").append(escape(trigger.id())).append("\",state=\"")
                        .append(state.name().toLowerCase(Locale.ROOT)).append("\"} ")
                        .append(trigger.state() == state ? 1 : 0).append('\n');
            }
        }
        header(out, "benchwatch_trigger_firings_total", "counter", "How often each trigger fired.");
        for (TriggerStatus trigger : snapshot.triggers()) {
            sample(out, "benchwatch_trigger_firings_total", "trigger", trigger.id(), trigger.firings());
        }
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        header(out, name, "counter", help);
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void gauge(StringBuilder out, String name, String help, double value) {
        header(out, name, "gauge", help);
        out.append(name).append(' ').append(number(value)).append('\n');
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void quantile(StringBuilder out, String quantile, long nanos) {
        out.append("benchwatch_latency_seconds{quantile=\"").append(quantile).append("\"} ")
                .append(number(nanos / 1e9)).append('\n');
    }

    private static void sample(StringBuilder out, String name, String label, String value, double number) {
        out.append(name).append('{').append(label).append("=\"").append(escape(value)).append("\"} ")
                .append(number(number)).append('\n');
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** Backslash, double quote and line feed are escaped in label values. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
