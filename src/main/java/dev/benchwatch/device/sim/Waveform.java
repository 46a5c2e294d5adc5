package dev.benchwatch.device.sim;

import java.util.Arrays;
import java.util.Random;

/**
 * One component of a simulated signal. A channel's value is the sum of its components at time t
 * (seconds since the simulation started). Invalid settings are rejected at construction.
 */
public sealed interface Waveform {

    /** The component's value at {@code t}; stateful components (random walk) advance. */
    double next(double t, Random random);

    /** {@code offset + amplitude * sin(2π t / period)}. */
    record Sine(double offset, double amplitude, double periodSeconds) implements Waveform {
        public Sine {
            finite(offset, "sine offset");
            finite(amplitude, "sine amplitude");
            positive(periodSeconds, "sine period");
        }

        @Override
        public double next(double t, Random random) {
            return offset + amplitude * Math.sin(2 * Math.PI * t / periodSeconds);
        }
    }

    /** Gaussian noise with the given standard deviation around {@code mean}. */
    record Noise(double mean, double sigma) implements Waveform {
        public Noise {
            finite(mean, "noise mean");
            if (!(sigma >= 0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("noise sigma must be >= 0, got " + sigma);
            }
        }

        @Override
        public double next(double t, Random random) {
            return mean + sigma * random.nextGaussian();
        }
    }

    /** Holds each level for {@code holdSeconds}, cycling through them. */
    record Steps(double[] levels, double holdSeconds) implements Waveform {
        public Steps {
            if (levels == null || levels.length == 0) {
                throw new IllegalArgumentException("steps need at least one level");
            }
            levels = levels.clone();
            for (double level : levels) {
                finite(level, "step level");
            }
            positive(holdSeconds, "step hold time");
        }

        @Override
        public double next(double t, Random random) {
            long step = (long) Math.floor(t / holdSeconds);
            return levels[(int) Math.floorMod(step, levels.length)];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Steps s && Arrays.equals(levels, s.levels) && holdSeconds == s.holdSeconds;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(levels) * 31 + Double.hashCode(holdSeconds);
        }

        @Override
        public String toString() {
            return "Steps" + Arrays.toString(levels) + " every " + holdSeconds + " s";
        }
    }

    /** A random walk from {@code start}, steps of {@code stepSigma}, reflected at [min, max]. */
    final class RandomWalk implements Waveform {
        private final double stepSigma;
        private final double min;
        private final double max;
        private double value;

        public RandomWalk(double start, double stepSigma, double min, double max) {
            finite(start, "random walk start");
            finite(min, "random walk min");
            finite(max, "random walk max");
            if (!(min < max) || start < min || start > max) {
                throw new IllegalArgumentException("random walk needs min < max and start within them, got start "
                        + start + " in [" + min + ", " + max + "]");
            }
            if (!(stepSigma >= 0) || Double.isInfinite(stepSigma)) {
                throw new IllegalArgumentException("random walk step must be >= 0, got " + stepSigma);
            }
            this.stepSigma = stepSigma;
            this.min = min;
            this.max = max;
            this.value = start;
        }

        @Override
        public double next(double t, Random random) {
            value += stepSigma * random.nextGaussian();
            if (value > max) {
                value = Math.max(min, 2 * max - value);
            } else if (value < min) {
                value = Math.min(max, 2 * min - value);
            }
            return value;
        }
    }

    /** Mostly 0; with the given probability per reading, a spike of {@code height} (sign random when two-sided). */
    record Spikes(double height, double probability, boolean twoSided) implements Waveform {
        public Spikes {
            finite(height, "spike height");
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("spike probability must be within [0, 1], got " + probability);
            }
        }

        @Override
        public double next(double t, Random random) {
            if (random.nextDouble() >= probability) {
                return 0;
            }
            return twoSided && random.nextBoolean() ? -height : height;
        }
    }

    private static void finite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number, got " + value);
        }
    }

    private static void positive(double value, String what) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
