package dev.benchwatch.ui.alarms;

/**
 * One entry of a filter combo box: a value to filter on, or {@code null} for "all", with the text shown.
 *
 * @param value the value rows must have, or null: no filtering on this field
 * @param label what the combo box shows
 */
public record FilterChoice<T>(T value, String label) {

    public static <T> FilterChoice<T> all(String label) {
        return new FilterChoice<>(null, label);
    }

    public boolean isAll() {
        return value == null;
    }

    @Override
    public String toString() {
        return label;
    }
}
