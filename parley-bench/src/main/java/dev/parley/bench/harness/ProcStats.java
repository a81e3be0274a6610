package dev.parley.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a process's CPU time and resident memory from Linux's {@code /proc}. CPU time is user +
 * system time in clock ticks ({@code getconf CLK_TCK}, 100 on Linux unless it says otherwise).
 * Answers -1 when the process or {@code /proc} is not there.
 */
public final class ProcStats {
    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private ProcStats() {
    }

    /** CPU time (user + system) of the process so far, in seconds. */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name in parentheses: state is field 3; utime and stime are 14 and 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks / (double) TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Resident set size of the process, in bytes. */
    public static long residentBytes(long pid) {
        long kb = statusField(pid, "VmRSS:");
        return kb < 0 ? -1 : kb * 1024;
    }

    /** Operating-system threads of the process (virtual threads are not counted: they have none of their own). */
    public static long threads(long pid) {
        return statusField(pid, "Threads:");
    }

    /** The first number of a line of {@code /proc/<pid>/status}, or -1. */
    private static long statusField(long pid, String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            for (String line : lines) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            long value = Long.parseLong(out);
            return value > 0 ? value : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** CPU use of a set of processes over an interval, as a percentage of one core. */
    public static final class CpuMeter {
        private final long[] pids;
        private final double[] start;
        private final long startNanos;

        public CpuMeter(long... pids) {
            this.pids = pids.clone();
            this.start = new double[pids.length];
            for (int i = 0; i < pids.length; i++) start[i] = cpuSeconds(pids[i]);
            this.startNanos = System.nanoTime();
        }

        /** Percent of one core used by process {@code index} since construction (-1 if unknown). */
        public double percent(int index) {
            double now = cpuSeconds(pids[index]);
            if (now < 0 || start[index] < 0) return -1;
            double wall = (System.nanoTime() - startNanos) / 1e9;
            return wall <= 0 ? 0 : 100.0 * (now - start[index]) / wall;
        }
    }
}
