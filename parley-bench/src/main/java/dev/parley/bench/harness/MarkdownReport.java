package dev.parley.bench.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The runs of one invocation as Markdown: one table per workload (and find-max step) with a column
 * per target and, when both ran, Parley's figure as a ratio to the ceiling's.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(List<RunResult> results) {
        Map<String, Map<String, RunResult>> byRun = new LinkedHashMap<>();
        for (RunResult r : results) {
            Object step = r.parameters().get("step");
            String key = r.workload() + (step == null ? "" : " (step " + step + ")");
            byRun.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(r.target(), r);
        }
        StringBuilder out = new StringBuilder();
        byRun.forEach((run, targets) -> {
            RunResult ceiling = targets.get(TargetServer.CEILING);
            RunResult parley = targets.get(TargetServer.PARLEY);
            List<String> columns = new ArrayList<>(targets.keySet());
            out.append("\n### ").append(run).append("\n\n| metric |");
            columns.forEach(c -> out.append(' ').append(c).append(" |"));
            boolean ratio = ceiling != null && parley != null;
            if (ratio) out.append(" parley / ceiling |");
            out.append("\n| --- |");
            columns.forEach(c -> out.append(" ---: |"));
            if (ratio) out.append(" ---: |");
            out.append('\n');
            Set<String> metrics = new LinkedHashSet<>();
            targets.values().forEach(r -> metrics.addAll(orderedMetricNames(r)));
            for (String metric : metrics) {
                out.append("| ").append(metric).append(" |");
                for (String column : columns) out.append(' ').append(format(targets.get(column).metrics().get(metric))).append(" |");
                if (ratio) {
                    Double value = parley.vsCeiling().get(metric);
                    out.append(' ').append(value == null ? "" : String.format(Locale.ROOT, "%.2f", value)).append(" |");
                }
                out.append('\n');
            }
            for (String column : columns) {
                RunResult r = targets.get(column);
                out.append("\n").append(column).append(": ").append(r.ok() ? "correct (no loss, no duplicates, no failures)"
                        : "PROBLEMS: " + String.join("; ", r.problems())).append('\n');
            }
        });
        return out.toString();
    }

    private static List<String> orderedMetricNames(RunResult result) {
        return new ArrayList<>(result.metricNames());
    }

    private static String format(Object value) {
        if (value == null) return "";
        if (value instanceof Double d) return String.format(Locale.ROOT, d >= 100 ? "%,.0f" : "%.2f", d);
        if (value instanceof Number n) return String.format(Locale.ROOT, "%,d", n.longValue());
        return value.toString();
    }
}
