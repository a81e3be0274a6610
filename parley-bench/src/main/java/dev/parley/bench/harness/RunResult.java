package dev.parley.bench.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of one workload against one target measured: its parameters, its metrics (numbers,
 * in the units their names say) and the correctness problems it saw (lost or duplicated
 * deliveries, failed requests, missing pages). A run with problems is not a valid measurement.
 */
public final class RunResult {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String workload;
    private final String target;
    private final String database;
    private final boolean smoke;
    private final Instant at = Instant.now();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Double> vsCeiling = new LinkedHashMap<>();

    public RunResult(String workload, String target, String database, boolean smoke) {
        this.workload = workload;
        this.target = target;
        this.database = database;
        this.smoke = smoke;
    }

    public RunResult parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public RunResult metric(String name, Object value) {
        metrics.put(name, value instanceof Double d ? round(d) : value);
        return this;
    }

    /** Records a correctness problem (never a speed one). */
    public RunResult problem(String description) {
        problems.add(description);
        return this;
    }

    /** Adds the latency percentiles of {@code histogram} as {@code <prefix>P50Ms} … {@code <prefix>MaxMs}. */
    public RunResult latency(String prefix, LatencyHistogram histogram) {
        metric(prefix + "P50Ms", histogram.percentileMillis(50));
        metric(prefix + "P95Ms", histogram.percentileMillis(95));
        metric(prefix + "P99Ms", histogram.percentileMillis(99));
        metric(prefix + "P999Ms", histogram.percentileMillis(99.9));
        metric(prefix + "MaxMs", histogram.maxMillis());
        metric(prefix + "Count", histogram.count());
        return this;
    }

    /** Sets Parley's figures as ratios to the ceiling's, for every numeric metric both have. */
    public void compareWith(RunResult ceiling) {
        metrics.forEach((name, value) -> {
            Object other = ceiling.metrics.get(name);
            if (value instanceof Number v && other instanceof Number o && o.doubleValue() != 0) {
                vsCeiling.put(name, round(v.doubleValue() / o.doubleValue()));
            }
        });
    }

    public String workload() {
        return workload;
    }

    public String target() {
        return target;
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public Map<String, Object> metrics() {
        return java.util.Collections.unmodifiableMap(metrics);
    }

    /** Metric names in the order they were recorded. */
    public List<String> metricNames() {
        return List.copyOf(metrics.keySet());
    }

    /** A metric as a number (0 if missing). */
    public double number(String name) {
        return metrics.get(name) instanceof Number n ? n.doubleValue() : 0;
    }

    public Map<String, Object> parameters() {
        return java.util.Collections.unmodifiableMap(parameters);
    }

    public Map<String, Double> vsCeiling() {
        return Map.copyOf(vsCeiling);
    }

    /** The run as one line of JSON. */
    public String toJsonLine() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("workload", workload);
        line.put("target", target);
        line.put("db", database);
        line.put("smoke", smoke);
        line.put("at", at.toString());
        line.put("ok", ok());
        line.put("params", parameters);
        line.put("metrics", metrics);
        if (!vsCeiling.isEmpty()) line.put("vsCeiling", vsCeiling);
        line.put("problems", problems);
        try {
            return MAPPER.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return value;
        return Math.round(value * 1000.0) / 1000.0;
    }
}
