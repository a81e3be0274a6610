package dev.parley.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks into a JVM under test with {@code jcmd} (next to this JVM's {@code java}): its live heap by
 * class ({@code GC.class_histogram}, which runs a full collection first, so only reachable objects
 * count) and, when it runs with {@code -XX:NativeMemoryTracking=summary}, its native memory by
 * category ({@code VM.native_memory summary}). Answers empty when jcmd is missing, cannot attach, or
 * the JVM does not track native memory.
 */
public final class JvmProbe {
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");
    private static final Pattern NATIVE_TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern NATIVE_CATEGORY = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");
    private static final Pattern THREADS = Pattern.compile("^\\s+\\(threads #(\\d+)\\)");
    private static final long TIMEOUT_SECONDS = 60;

    private JvmProbe() {
    }

    /** Instances and bytes of one class in a histogram. */
    public record ClassUse(String name, long instances, long bytes) {
    }

    /** The live heap: every class's instances and bytes, and their totals. */
    public record Histogram(long instances, long bytes, Map<String, ClassUse> classes) {
        /**
         * What grew from {@code before} to this one, largest first (classes that shrank come last):
         * each entry holds the difference of instances and bytes.
         */
        public List<ClassUse> growthSince(Histogram before) {
            Map<String, ClassUse> diff = new LinkedHashMap<>();
            classes.forEach((name, now) -> {
                ClassUse then = before.classes.get(name);
                diff.put(name, then == null ? now
                        : new ClassUse(name, now.instances - then.instances, now.bytes - then.bytes));
            });
            before.classes.forEach((name, then) -> diff.putIfAbsent(name, new ClassUse(name, -then.instances, -then.bytes)));
            return diff.values().stream().sorted(Comparator.comparingLong(ClassUse::bytes).reversed()).toList();
        }
    }

    /** Native memory committed per NMT category (KB), the total and the number of threads. */
    public record NativeMemory(long committedKb, long threads, Map<String, Long> categoriesKb) {
        static final String HEAP = "Java Heap";

        /** What is committed outside the Java heap (the heap is measured live by {@link #classHistogram}). */
        public long outsideHeapKb() {
            return committedKb - categoriesKb.getOrDefault(HEAP, 0L);
        }

        /** Per category, what changed from {@code before} to this one (KB), largest growth first. */
        public Map<String, Long> growthSince(NativeMemory before) {
            Map<String, Long> diff = new LinkedHashMap<>();
            categoriesKb.forEach((name, kb) -> diff.put(name, kb - before.categoriesKb.getOrDefault(name, 0L)));
            before.categoriesKb.forEach((name, kb) -> diff.putIfAbsent(name, -kb));
            Map<String, Long> sorted = new LinkedHashMap<>();
            diff.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted;
        }
    }

    /** The live heap of the JVM {@code pid} after a full collection. */
    public static Optional<Histogram> classHistogram(long pid) {
        return jcmd(pid, "GC.class_histogram").flatMap(JvmProbe::parseHistogram);
    }

    /** The native memory of the JVM {@code pid}; empty unless it runs with native memory tracking. */
    public static Optional<NativeMemory> nativeMemory(long pid) {
        return jcmd(pid, "VM.native_memory", "summary").flatMap(JvmProbe::parseNativeMemory);
    }

    static Optional<Histogram> parseHistogram(String text) {
        Map<String, ClassUse> classes = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher total = HISTOGRAM_TOTAL.matcher(line);
            if (total.find()) {
                return Optional.of(new Histogram(Long.parseLong(total.group(1)), Long.parseLong(total.group(2)), classes));
            }
            Matcher row = HISTOGRAM_ROW.matcher(line);
            if (row.find()) {
                String name = row.group(3);
                ClassUse use = new ClassUse(name, Long.parseLong(row.group(1)), Long.parseLong(row.group(2)));
                // The same name can appear twice (one class in two loaders): add them up.
                classes.merge(name, use, (a, b) -> new ClassUse(name, a.instances + b.instances, a.bytes + b.bytes));
            }
        }
        return Optional.empty();
    }

    static Optional<NativeMemory> parseNativeMemory(String text) {
        long total = -1;
        long threads = 0;
        Map<String, Long> categories = new LinkedHashMap<>();
        String category = null;
        for (String line : text.split("\n")) {
            Matcher t = NATIVE_TOTAL.matcher(line);
            if (t.find()) {
                total = Long.parseLong(t.group(2));
                continue;
            }
            Matcher c = NATIVE_CATEGORY.matcher(line);
            if (c.find()) {
                category = c.group(1).trim();
                categories.put(category, Long.parseLong(c.group(3)));
                continue;
            }
            Matcher n = THREADS.matcher(line);
            if (n.find() && "Thread".equals(category)) threads = Long.parseLong(n.group(1));
        }
        return total < 0 ? Optional.empty() : Optional.of(new NativeMemory(total, threads, categories));
    }

    private static Optional<String> jcmd(long pid, String... command) {
        Path jcmd = Path.of(ServerProcess.javaExecutable()).resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) return Optional.empty();
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
