package dev.parley.bench.workload;

import dev.parley.bench.harness.BenchSettings;
import dev.parley.bench.harness.LatencyHistogram;
import dev.parley.bench.harness.ProcStats;
import dev.parley.bench.harness.RunResult;
import dev.parley.bench.harness.TargetServer;
import dev.parley.bench.workload.Population.BenchConversation;
import dev.parley.bench.harness.JvmProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code connections}: opens N authenticated connections, ramped at a fixed rate, each resumed
 * with its user's conversation, then holds them idle for the duration. Users: up to 1,000, in
 * conversations of M members; with more connections than users, users have several connections
 * (devices). Connections come from 127.0.0.1, 127.0.0.2, … (20,000 per source address, below the
 * ephemeral port range). Reports successes and the server's resident memory per connection:
 * (RSS after − RSS before) / connections; next to it the live heap per connection (class
 * histograms by jcmd before and after, each after a full collection, so garbage and the heap's
 * own growth do not count; the growth per class goes to a file in the work directory), the native
 * memory per connection when the server tracks it ({@code -XX:NativeMemoryTracking=summary}), and
 * the server's thread count before and after.
 */
public final class ConnectionsWorkload {
    public static final String NAME = "connections";
    /**
     * The server JVM's settings for this workload (before any {@code --server-jvm-options}): a fixed
     * heap bound, so resident memory follows what the connections keep rather than how far the JVM
     * chose to grow an unbounded heap, and compact object headers; both as docs/operations.md
     * recommends for a chat node.
     */
    public static final List<String> SERVER_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseCompactObjectHeaders");
    private static final int MAX_USERS = 1_000;
    private static final int PER_SOURCE_ADDRESS = 20_000;
    private static final int CONCURRENT_HANDSHAKES = 64;

    private ConnectionsWorkload() {
    }

    public static RunResult run(TargetServer target, BenchSettings settings, String prefix) {
        int n = settings.connections();
        int members = Math.max(1, Math.min(settings.members(), n));
        int conversations = Math.max(1, Math.min(n, MAX_USERS) / members);
        Population population = Population.create(target, prefix, conversations, members);
        DeliveryTracker tracker = new DeliveryTracker();
        settle(settings);
        long rssBefore = ProcStats.residentBytes(target.pid());
        long threadsBefore = ProcStats.threads(target.pid());
        Optional<JvmProbe.Histogram> heapBefore = JvmProbe.classHistogram(target.pid());
        Optional<JvmProbe.NativeMemory> nativeBefore = JvmProbe.nativeMemory(target.pid());

        List<Peer> peers = Collections.synchronizedList(new ArrayList<>(n));
        LongAdder failures = new LongAdder();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        LatencyHistogram handshake = new LatencyHistogram();
        Semaphore inProgress = new Semaphore(CONCURRENT_HANDSHAKES);
        ConcurrentLinkedQueue<Thread> threads = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long spacing = settings.rampPerSecond() <= 0 ? 0 : 1_000_000_000L / settings.rampPerSecond();
        for (int i = 0; i < n; i++) {
            SocketRun.sleepUntil(start + i * spacing);
            inProgress.acquireUninterruptibly();
            int index = i;
            threads.add(Thread.ofVirtual().name("connect-" + i).start(() -> {
                long began = System.nanoTime();
                try {
                    var user = population.users().get(index % population.users().size());
                    BenchConversation conversation = population.conversations().get(user.number() / members);
                    peers.add(Peer.connect(target, sourceAddress(index), user,
                            Map.of(conversation.id(), conversation.lastSeq()), tracker, Duration.ofSeconds(30)));
                    handshake.recordNanos(System.nanoTime() - began);
                } catch (Exception e) {
                    failures.increment();
                    firstFailure.compareAndSet(null, e.toString());
                } finally {
                    inProgress.release();
                }
            }));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        double rampSeconds = (System.nanoTime() - start) / 1e9;
        settle(settings);
        long rssAfter = ProcStats.residentBytes(target.pid());
        SocketRun.Cpu cpu = new SocketRun.Cpu(target);
        SocketRun.sleepUntil(System.nanoTime() + settings.shortDuration().toNanos());
        long openAtEnd;
        synchronized (peers) {
            openAtEnd = peers.stream().filter(Peer::isOpen).count();
        }
        long threadsAfter = ProcStats.threads(target.pid());
        Optional<JvmProbe.Histogram> heapAfter = JvmProbe.classHistogram(target.pid());
        Optional<JvmProbe.NativeMemory> nativeAfter = JvmProbe.nativeMemory(target.pid());
        long rssAfterGc = ProcStats.residentBytes(target.pid());

        RunResult result = new RunResult(NAME, target.kind(), settings.database(), settings.smoke())
                .parameter("connections", n)
                .parameter("users", population.users().size())
                .parameter("members", members)
                .parameter("rampPerSec", settings.rampPerSecond())
                .parameter("holdSec", settings.shortDuration().toMillis() / 1000.0)
                .parameter("serverJvmOptions", String.join(" ", target.jvmOptions()));
        result.metric("connected", peers.size());
        result.metric("failed", failures.sum());
        result.metric("openAfterHold", openAtEnd);
        result.metric("rampSec", rampSeconds);
        result.metric("connectsPerSec", peers.size() / rampSeconds);
        result.metric("handshakeP50Ms", handshake.percentileMillis(50));
        result.metric("handshakeP99Ms", handshake.percentileMillis(99));
        result.metric("rssBeforeMb", rssBefore / 1048576.0);
        result.metric("rssAfterMb", rssAfter / 1048576.0);
        int connected = peers.size();
        result.metric("rssPerConnectionKb", connected == 0 ? 0 : (rssAfter - rssBefore) / 1024.0 / connected);
        result.metric("rssAfterGcMb", rssAfterGc / 1048576.0);
        if (heapBefore.isPresent() && heapAfter.isPresent() && connected > 0) {
            result.metric("heapBeforeMb", heapBefore.get().bytes() / 1048576.0);
            result.metric("heapAfterMb", heapAfter.get().bytes() / 1048576.0);
            result.metric("heapPerConnectionKb", (heapAfter.get().bytes() - heapBefore.get().bytes()) / 1024.0 / connected);
        }
        if (nativeBefore.isPresent() && nativeAfter.isPresent() && connected > 0) {
            long grown = nativeAfter.get().outsideHeapKb() - nativeBefore.get().outsideHeapKb();
            result.metric("nativePerConnectionKb", grown / (double) connected);
        }
        if (heapBefore.isPresent() && heapAfter.isPresent() && connected > 0) {
            writeGrowth(settings, target, connected, heapAfter.get().growthSince(heapBefore.get()),
                    nativeBefore.flatMap(before -> nativeAfter.map(after -> after.growthSince(before))).orElse(Map.of()));
        }
        result.metric("threadsBefore", threadsBefore);
        result.metric("threadsAfter", threadsAfter);
        cpu.report(result);
        if (failures.sum() > 0) result.problem(failures.sum() + " connections failed; first: " + firstFailure.get());
        if (openAtEnd < peers.size()) {
            result.problem((peers.size() - openAtEnd) + " connections closed while idle; first: " + tracker.firstProblem());
        }
        synchronized (peers) {
            peers.forEach(Peer::close);
        }
        return result;
    }

    /**
     * Writes what the live heap grew by, per class and per connection, largest first (the classes that
     * make up 99 % of the growth), and the native memory's growth per category when it was tracked, to
     * {@code connections-<target>-memory-<time>.txt} in the work directory.
     */
    private static void writeGrowth(BenchSettings settings, TargetServer target, int connected,
                                    List<JvmProbe.ClassUse> heap, Map<String, Long> nativeKb) {
        long total = heap.stream().mapToLong(JvmProbe.ClassUse::bytes).filter(b -> b > 0).sum();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Live heap growth of %s over %,d connections: %.2f KB per connection%n%n%12s %12s  %s%n",
                target.kind(), connected, total / 1024.0 / connected, "bytes/conn", "objects/conn", "class"));
        long shown = 0;
        for (JvmProbe.ClassUse use : heap) {
            if (use.bytes() <= 0 || shown >= total * 0.99) break;
            shown += use.bytes();
            text.append(String.format(Locale.ROOT, "%12.1f %12.2f  %s%n", use.bytes() / (double) connected,
                    use.instances() / (double) connected, use.name()));
        }
        if (!nativeKb.isEmpty()) {
            text.append(String.format(Locale.ROOT, "%nNative memory growth (committed, NMT) per connection%n%n%12s  %s%n",
                    "bytes/conn", "category"));
            nativeKb.forEach((category, kb) -> text.append(String.format(Locale.ROOT, "%12.1f  %s%n",
                    kb * 1024.0 / connected, category)));
        }
        Path file = settings.workDir().resolve("connections-" + target.kind() + "-memory-" + System.currentTimeMillis() + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 127.0.0.1 for the first 20,000 connections, then 127.0.0.2, …; null (any) for the first block. */
    static InetAddress sourceAddress(int index) throws UnknownHostException {
        int block = index / PER_SOURCE_ADDRESS;
        if (block == 0) return null;
        return InetAddress.getByAddress(new byte[]{127, 0, 0, (byte) (1 + block)});
    }

    /** Lets the server finish what the last step started before memory is read. */
    private static void settle(BenchSettings settings) {
        SocketRun.sleepUntil(System.nanoTime() + (settings.smoke() ? 300_000_000L : 2_000_000_000L));
    }
}
