package dev.benchwatch.engine.trigger;

/** A comparison of a value with a threshold. NaN compares false with everything (also for !=). */
public enum ComparisonOp {
    GT(">"), GE(">="), LT("<"), LE("<="), EQ("=="), NE("!=");

    private final String symbol;

    ComparisonOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(double value, double threshold) {
        return switch (this) {
            case GT -> value > threshold;
            case GE -> value >= threshold;
            case LT -> value < threshold;
            case LE -> value <= threshold;
            case EQ -> value == threshold;
            case NE -> value == value && value != threshold;
        };
    }

    public static ComparisonOp fromSymbol(String symbol) {
        for (ComparisonOp op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown comparison '" + symbol + "'; expected one of > >= < <= == !=");
    }
}
