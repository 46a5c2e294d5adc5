package dev.benchwatch.device;

import dev.benchwatch.device.mqtt.MqttAdapter;
import dev.benchwatch.device.serial.SerialAdapter;
import dev.benchwatch.engine.action.ActionPorts;

/**
 * Sends trigger actions to the devices of a {@link DeviceBench}: a device command to the named serial device,
 * an MQTT publish through the bench's MQTT device (the first connected one when there are several). The
 * engine is built before its bench, so the bench is attached afterwards; until then, and for a device that
 * cannot take the action, the action fails with a message the engine records as the action's outcome.
 * Actions run on the engine's action thread, never the engine thread, so blocking writes are fine here.
 */
public final class BenchActionPorts implements ActionPorts.DeviceCommandPort, ActionPorts.MqttPublishPort {
    private volatile DeviceBench bench;

    /** {@code base} with its device and MQTT ports going to this bench. */
    public ActionPorts routing(ActionPorts base) {
        return base.withDevices(this).withMqtt(this);
    }

    public void attach(DeviceBench value) {
        bench = value;
    }

    @Override
    public void send(String device, String payload) {
        DeviceBench current = requireBench("send to '" + device + "'");
        DeviceAdapter adapter = current.find(device)
                .orElseThrow(() -> new IllegalStateException("no device '" + device + "' on the bench"))
                .adapter().underlying();
        if (!(adapter instanceof SerialAdapter serial)) {
            throw new IllegalStateException("device '" + device + "' cannot take commands (only serial devices do)");
        }
        if (!serial.sendText(payload, "")) {
            throw new IllegalStateException("device '" + device + "' is not connected; command not sent");
        }
    }

    @Override
    public void publish(String topic, String payload, int qos, boolean retain) throws Exception {
        DeviceBench current = requireBench("publish to '" + topic + "'");
        MqttAdapter chosen = null;
        for (DeviceBench.Attached device : current.devices()) {
            if (device.adapter().underlying() instanceof MqttAdapter mqtt) {
                if (mqtt.isConnected()) {
                    chosen = mqtt;
                    break;
                }
                chosen = chosen == null ? mqtt : chosen;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("no MQTT device on the bench to publish '" + topic + "' through");
        }
        chosen.publish(topic, payload, qos, retain);
    }

    private DeviceBench requireBench(String what) {
        DeviceBench current = bench;
        if (current == null) {
            throw new IllegalStateException("no device bench yet: cannot " + what);
        }
        return current;
    }
}
