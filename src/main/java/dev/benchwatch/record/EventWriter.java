package dev.benchwatch.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchwatch.engine.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the session's events and markers. An event's id, correlation id and metadata go into the
 * {@code data} column as JSON ({@code {"id":12,"correlation_id":"oven#1","metadata":{...}}}) so any tool can
 * read them without knowing our types; its priority (1-10) is the {@code severity}.
 */
final class EventWriter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long sessionId;
    private final PreparedStatement insertEvent;
    private final PreparedStatement insertMarker;

    EventWriter(Connection connection, long sessionId) throws SQLException {
        this.sessionId = sessionId;
        insertEvent = connection.prepareStatement("INSERT INTO event (session_id, ts_ns, type, device, severity, message,"
                + " data) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insertMarker = connection.prepareStatement(
                "INSERT INTO marker (session_id, ts_ns, label, source) VALUES (?, ?, ?, ?)");
    }

    void write(Event event) throws SQLException {
        insertEvent.setLong(1, sessionId);
        insertEvent.setLong(2, event.timestampNanos());
        insertEvent.setString(3, event.type().name());
        insertEvent.setString(4, event.sourceDevice());
        insertEvent.setInt(5, event.priority());
        insertEvent.setString(6, event.data());
        insertEvent.setString(7, json(event));
        insertEvent.executeUpdate();
    }

    void write(Marker marker) throws SQLException {
        insertMarker.setLong(1, sessionId);
        insertMarker.setLong(2, marker.timestampNanos());
        insertMarker.setString(3, marker.label());
        insertMarker.setString(4, marker.source());
        insertMarker.executeUpdate();
    }

    static String json(Event event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", event.id());
        data.put("correlation_id", event.correlationId());
        data.put("metadata", new java.util.TreeMap<>(event.metadata()));
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.id() + " as JSON", e);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            insertEvent.close();
        } finally {
            insertMarker.close();
        }
    }

    /** A label on the timeline; {@code source} is "user" or "trigger". */
    record Marker(long timestampNanos, String label, String source) {
    }
}
