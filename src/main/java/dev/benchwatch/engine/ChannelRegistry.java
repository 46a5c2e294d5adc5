package dev.benchwatch.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps channel names, units and source devices to dense integer ids, the only thing a reading carries.
 * Thread-safe: adapters register and look up channels from their own threads; lookups by id are lock-free
 * through the published array.
 */
public final class ChannelRegistry {
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,127}");

    private final Map<String, Channel> byName = new HashMap<>();
    private final List<Channel> byIdList = new ArrayList<>();
    private volatile Channel[] byId = new Channel[0];

    /** Registers a channel, or returns the existing one when the name, unit and device all agree. */
    public synchronized Channel register(String name, String unit, String device) {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid channel name '" + name
                    + "': expected a letter or '_' followed by up to 127 letters, digits, '_', '.' or '-'");
        }
        Channel existing = byName.get(name);
        if (existing != null) {
            String wantedUnit = unit == null ? "" : unit;
            String wantedDevice = device == null ? "" : device;
            if (!existing.unit().equals(wantedUnit) || !existing.device().equals(wantedDevice)) {
                throw new IllegalArgumentException("channel '" + name + "' is already registered with unit '"
                        + existing.unit() + "' and device '" + existing.device() + "'");
            }
            return existing;
        }
        Channel channel = new Channel(byIdList.size(), name, unit, device, Map.of());
        byName.put(name, channel);
        byIdList.add(channel);
        byId = byIdList.toArray(new Channel[0]);
        return channel;
    }

    /** Adds tags to a channel's metadata (used by enrich operators). */
    public synchronized Channel tag(int id, Map<String, String> tags) {
        Channel old = get(id);
        Map<String, String> merged = new HashMap<>(old.tags());
        merged.putAll(tags);
        Channel tagged = new Channel(id, old.name(), old.unit(), old.device(), merged);
        byName.put(tagged.name(), tagged);
        byIdList.set(id, tagged);
        byId = byIdList.toArray(new Channel[0]);
        return tagged;
    }

    public Channel get(int id) {
        Channel[] snapshot = byId;
        if (id < 0 || id >= snapshot.length) {
            throw new IllegalArgumentException("unknown channel id " + id + " (" + snapshot.length + " registered)");
        }
        return snapshot[id];
    }

    public synchronized Optional<Channel> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The channel's id; throws with the known names when there is no such channel. */
    public synchronized int idOf(String name) {
        Channel channel = byName.get(name);
        if (channel == null) {
            throw new IllegalArgumentException("unknown channel '" + name + "'; known channels: " + byName.keySet());
        }
        return channel.id();
    }

    public boolean isKnown(int id) {
        return id >= 0 && id < byId.length;
    }

    public int size() {
        return byId.length;
    }

    public List<Channel> all() {
        return List.of(byId);
    }
}
