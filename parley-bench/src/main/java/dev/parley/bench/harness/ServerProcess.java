package dev.parley.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test running as a separate JVM, so its CPU time and resident memory can be read
 * from {@code /proc/<pid>}. Its output goes to a log file, where start-up looks for the line
 * "… listening on http://host:port" to learn the (randomly chosen) port. {@link #close} asks it to
 * stop (SIGTERM) and kills it if it has not stopped within 15 seconds.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^\\s:/]+:(\\d+)");

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code java <jvmOptions> <arguments>} with the extra environment and waits until it
     * listens; throws {@link IllegalStateException} with the log's tail if it exits or does not
     * listen within {@code timeout}.
     */
    public static ServerProcess start(String name, List<String> jvmOptions, List<String> arguments,
                                      Map<String, String> environment, Path log, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("PARLEY_"));
        builder.environment().putAll(environment);
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + name + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Matcher m = LISTENING.matcher(readLog(log));
                if (m.find()) return new ServerProcess(name, process, log, Integer.parseInt(m.group(1)));
                if (process.waitFor(50, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException(name + " exited with code " + process.exitValue()
                            + " during start-up; its log (" + log + "):\n" + tail(log));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while starting " + name, e);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not start listening within " + timeout.toSeconds()
                + " s; its log (" + log + "):\n" + tail(log));
    }

    /** The java launcher of this JVM, so the server runs on the same Java version as the bench. */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the log, for error messages. */
    public String logTail() {
        return tail(log);
    }

    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String readLog(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    static String tail(Path log) {
        String text = readLog(log);
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - 30);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }
}
