package dev.parley.bench.harness;

import org.HdrHistogram.ConcurrentHistogram;

/**
 * Latencies recorded in microseconds into an HdrHistogram (3 significant digits, auto-resizing),
 * from many threads at once; read in milliseconds.
 */
public final class LatencyHistogram {
    private final ConcurrentHistogram histogram = new ConcurrentHistogram(3);

    /** Records a latency given in nanoseconds. */
    public void recordNanos(long nanos) {
        histogram.recordValue(Math.max(0, nanos / 1_000));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public double percentileMillis(double percentile) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    public double maxMillis() {
        return count() == 0 ? 0 : histogram.getMaxValue() / 1_000.0;
    }

    public void reset() {
        histogram.reset();
    }
}
