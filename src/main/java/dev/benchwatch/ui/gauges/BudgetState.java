package dev.benchwatch.ui.gauges;

/**
 * How the engine's ingest-to-decision latency (its p99) stands against the latency budget.
 *
 * <ul>
 *   <li>{@link #OK}: p99 below {@value GaugesViewModel#AT_RISK_PERCENT}% of the budget (or no latency
 *       recorded yet);</li>
 *   <li>{@link #AT_RISK}: p99 at or above {@value GaugesViewModel#AT_RISK_PERCENT}% of the budget, but not
 *       above it;</li>
 *   <li>{@link #OVER}: p99 above the budget.</li>
 * </ul>
 */
public enum BudgetState {
    OK, AT_RISK, OVER;

    /**
     * @param p99Nanos     the latency's 99th percentile, nanoseconds
     * @param budgetNanos  the latency budget, nanoseconds (positive)
     * @param latencyCount how many latencies the percentile was taken from (0: nothing to judge, so OK)
     */
    public static BudgetState of(long p99Nanos, long budgetNanos, long latencyCount) {
        if (latencyCount == 0) {
            return OK;
        }
        if (p99Nanos > budgetNanos) {
            return OVER;
        }
        // p99 >= budget * AT_RISK_PERCENT / 100, without overflow or rounding
        if (p99Nanos * 100.0 >= (double) budgetNanos * GaugesViewModel.AT_RISK_PERCENT) {
            return AT_RISK;
        }
        return OK;
    }
}
