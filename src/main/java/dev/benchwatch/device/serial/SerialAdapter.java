package dev.benchwatch.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.Decoder;
import dev.benchwatch.codec.FieldNames;
import dev.benchwatch.codec.Framer;
import dev.benchwatch.device.DecodeErrorTally;
import dev.benchwatch.device.DeviceAdapter;
import dev.benchwatch.device.DeviceOutput;
import dev.benchwatch.device.EngineOutput;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.NanoClock;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A serial device: reads on a thread of its own (jSerialComm, semi-blocking reads), frames and decodes
 * the bytes, and hands the readings to the engine (or another {@link DeviceOutput}). Each decoded field
 * becomes the channel
 * {@code <device>.<field>}. When the port goes away (an unplugged board, a dead pty) it reports
 * DISCONNECTED, drops the partial frame (never decoded), and reopens the port with backoff until it is
 * back, then reports CONNECTED again.
 */
public final class SerialAdapter implements DeviceAdapter {
    private static final int READ_TIMEOUT_MS = 100;
    private static final long MIN_BACKOFF_NANOS = 100_000_000L;
    private static final long MAX_BACKOFF_NANOS = 2_000_000_000L;

    private final String device;
    private final SerialSettings settings;
    private final Framer framer;
    private final Decoder decoder;
    /** Where the board is now: the configured path, or wherever its USB identity shows up. */
    private final Supplier<Optional<String>> portPath;
    private final DecodeErrorTally errors = new DecodeErrorTally();
    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean running;
    private volatile boolean connected;
    private volatile SerialPort port;
    private Thread reader;
    private DeviceOutput output;
    private int[] channelOfField = new int[0];

    public SerialAdapter(String device, SerialSettings settings, Framer framer, Decoder decoder) {
        this(device, settings, framer, decoder, () -> Optional.of(settings.port()));
    }

    /**
     * A device bound to a USB identity: every (re)connection looks the board up in the port list, so it
     * is found on whatever port it reappears. {@code settings.port()} is only a label then.
     */
    public static SerialAdapter boundTo(UsbIdentity identity, String device, SerialSettings settings, Framer framer,
                                        Decoder decoder, Supplier<List<PortInfo>> portList) {
        return new SerialAdapter(device, settings, framer, decoder, () -> identity.find(portList.get()));
    }

    private SerialAdapter(String device, SerialSettings settings, Framer framer, Decoder decoder,
                          Supplier<Optional<String>> portPath) {
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("serial adapter needs a device name");
        }
        this.device = device;
        this.settings = settings;
        this.framer = framer;
        this.decoder = decoder;
        this.portPath = portPath;
    }

    @Override
    public void onDecodeError(Consumer<DecodeError> listener) {
        errors.listen(listener);
    }

    /** Starts reading into the engine (BLOCK policy: a serial line cannot be paused, but nothing is dropped). */
    public void start(Engine engine) {
        start(new EngineOutput(engine, device, OverloadPolicy.BLOCK));
    }

    @Override
    public synchronized void start(DeviceOutput target) {
        if (running) {
            throw new IllegalStateException("serial adapter '" + device + "' is already running");
        }
        output = target;
        running = true;
        reader = Thread.ofPlatform().daemon().name("serial-" + device).start(this::run);
    }

    private void run() {
        long backoff = MIN_BACKOFF_NANOS;
        while (running) {
            try {
                if (session()) {
                    backoff = MIN_BACKOFF_NANOS;
                    continue;
                }
            } catch (RuntimeException e) {
                // never let the reader die: report, back off, try again
                connected = false;
                status("ERROR", 7, "reader failed: " + e);
            }
            LockSupport.parkNanos(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
        }
    }

    private boolean everConnected;

    /** One connection: open, read until the port goes away. False when the port could not be opened. */
    private boolean session() {
        SerialPort opened = open();
        if (opened == null) {
            return false;
        }
        byte[] buffer = new byte[4096];
        port = opened;
        connected = true;
        if (everConnected) {
            reconnects.incrementAndGet();
        }
        everConnected = true;
        status("CONNECTED", 3, "opened " + opened.getSystemPortPath() + " at " + settings.baud() + " baud");
        try {
            while (running) {
                int n = opened.readBytes(buffer, buffer.length);
                if (n < 0) {
                    break; // the port went away
                }
                if (n > 0) {
                    framer.feed(buffer, 0, n, this::onFrame, this::onError);
                }
            }
        } finally {
            connected = false;
            opened.closePort();
            framer.reset(this::onError); // a partial frame from before the unplug is never decoded
        }
        if (running) {
            status("DISCONNECTED", 7, settings.port() + " went away; reconnecting");
        }
        return true;
    }

    /** Opens the port, or returns null when it is not there (yet): unplugged, or a pty not created. */
    private SerialPort open() {
        Optional<String> path = portPath.get();
        if (path.isEmpty()) {
            return null; // the bound board is not plugged in
        }
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(path.get());
        } catch (RuntimeException e) { // jSerialComm throws when the path does not exist
            return null;
        }
        candidate.setComPortParameters(settings.baud(), settings.dataBits(), switch (settings.stopBits()) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        }, switch (settings.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        });
        candidate.setFlowControl(switch (settings.flowControl()) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        });
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        if (!candidate.openPort()) {
            return null;
        }
        if (settings.dtr()) {
            candidate.setDTR();
        }
        if (settings.rts()) {
            candidate.setRTS();
        }
        return candidate;
    }

    private void onFrame(byte[] frame, int offset, int length, long streamOffset) {
        decoder.decode(frame, offset, length, device, streamOffset, this::onField, this::onError);
    }

    private void onField(int field, double value) {
        if (field >= channelOfField.length || channelOfField[field] < 0) {
            bindField(field);
        }
        output.reading(channelOfField[field], NanoClock.SYSTEM.nowNanos(), value);
        readings.incrementAndGet();
    }

    /** A field seen for the first time becomes the channel {@code <device>.<field>}. */
    private void bindField(int field) {
        if (field >= channelOfField.length) {
            int old = channelOfField.length;
            channelOfField = Arrays.copyOf(channelOfField, Math.max(field + 1, old * 2 + 4));
            Arrays.fill(channelOfField, old, channelOfField.length, -1);
        }
        FieldNames names = decoder.fields();
        String channel = device + "." + names.name(field).replaceAll("[^A-Za-z0-9_.\\-]", "_");
        channelOfField[field] = output.channel(channel, "", device);
    }

    private void onError(DecodeError error) {
        errors.record(error.withDevice(device));
    }

    /** Sends text with the given line ending (e.g. "\n" or "\r\n") to the device. */
    public boolean sendText(String text, String lineEnding) {
        byte[] bytes = (text + lineEnding).getBytes(StandardCharsets.UTF_8);
        return write(bytes);
    }

    /** Sends bytes written as hex, e.g. {@code "AA 55 01"}. */
    public boolean sendHex(String hex) {
        String digits = hex.replaceAll("[\\s:,]", "");
        if (digits.length() % 2 != 0 || !digits.matches("[0-9A-Fa-f]*")) {
            throw new IllegalArgumentException("not hex bytes: '" + hex + "'");
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return write(bytes);
    }

    private boolean write(byte[] bytes) {
        SerialPort current = port;
        return connected && current != null && current.writeBytes(bytes, bytes.length) == bytes.length;
    }

    @Override
    public String name() {
        return device;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public long readings() {
        return readings.get();
    }

    public long reconnects() {
        return reconnects.get();
    }

    /** Decoding errors per reason so far. */
    @Override
    public Map<DecodeErrorReason, Long> errorCounts() {
        return errors.counts();
    }

    public long errors(DecodeErrorReason reason) {
        return errors.count(reason);
    }

    private void status(String state, int priority, String message) {
        output.status(new Event(0, EventType.DEVICE_STATUS, device, NanoClock.SYSTEM.nowNanos(),
                "serial '" + device + "': " + message, priority, "",
                Map.of("state", state, "kind", "serial", "port", settings.port())));
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SerialPort current = port;
        if (current != null) {
            current.closePort();
        }
        status("DISCONNECTED", 3, "closed");
    }
}
