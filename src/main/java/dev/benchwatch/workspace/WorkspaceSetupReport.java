package dev.benchwatch.workspace;

import dev.benchwatch.workspace.file.Layout;
import java.util.List;
import java.util.Map;

/**
 * What {@link WorkspaceSetup#apply} did: the devices it put on the bench (connected or trying to), what it
 * could not set up, and the chart layout for the console.
 *
 * @param devicesAdded device names added to the bench, in workspace order (a serial board that is not plugged
 *                     in is added and keeps trying; ask the bench whether it is connected)
 * @param errors       every part that could not be set up, in the order met; the rest was applied
 * @param rawChannels  each scaled channel's name to the raw channel its device writes
 * @param layout       the workspace layout (theme, window, chart titles)
 */
public record WorkspaceSetupReport(List<String> devicesAdded, List<Problem> errors, Map<String, String> rawChannels,
                                   Layout layout) {
    /** What a problem is about. */
    public enum Part { DEVICE, CHANNEL, PIPELINE, WINDOW, TRIGGER, DETECTOR }

    /**
     * One part that could not be set up.
     *
     * @param name    the device, channel, pipeline, window or trigger name; a detector as an operand reads,
     *                {@code zscore(machine_temp, 1h)}
     * @param message what went wrong, for a person
     */
    public record Problem(Part part, String name, String message) {
        @Override
        public String toString() {
            return part.name().toLowerCase(java.util.Locale.ROOT) + " '" + name + "': " + message;
        }
    }

    public WorkspaceSetupReport {
        devicesAdded = List.copyOf(devicesAdded);
        errors = List.copyOf(errors);
        rawChannels = Map.copyOf(rawChannels);
    }

    /** True when everything was applied. */
    public boolean ok() {
        return errors.isEmpty();
    }

    /** The problems with one device (or other part) by name. */
    public List<Problem> errorsFor(String name) {
        return errors.stream().filter(p -> p.name().equals(name)).toList();
    }

    /** The console's charts: for each chart, in order, the channel names it plots. */
    public List<List<String>> charts() {
        return layout.charts().stream().map(Layout.Chart::channels).toList();
    }
}
