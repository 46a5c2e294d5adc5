package dev.benchwatch.workspace.trigger;

/**
 * A value of the trigger form that cannot be accepted, with the field it belongs to, so an editor can
 * show {@link #problem()} next to that field.
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private final String field;
    private final String problem;

    public InvalidFieldException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The field in error, e.g. {@code channel}, {@code threshold}, {@code window.size}, {@code cooldown}. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field name, e.g. {@code must not be negative, got -5s}. */
    public String problem() {
        return problem;
    }
}
