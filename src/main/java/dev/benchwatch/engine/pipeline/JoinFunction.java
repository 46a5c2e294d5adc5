package dev.benchwatch.engine.pipeline;

/** How a join combines a reading of the pipeline's stream (left) with one of the other channel (right). */
public enum JoinFunction {
    MULTIPLY, ADD, SUBTRACT, DIVIDE, MEAN;

    public double apply(double left, double right) {
        return switch (this) {
            case MULTIPLY -> left * right;
            case ADD -> left + right;
            case SUBTRACT -> left - right;
            case DIVIDE -> left / right;
            case MEAN -> (left + right) / 2;
        };
    }
}
