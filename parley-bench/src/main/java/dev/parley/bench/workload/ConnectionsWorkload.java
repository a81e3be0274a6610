package dev.parley.bench.workload;

import dev.parley.bench.harness.BenchSettings;
import dev.parley.bench.harness.LatencyHistogram;
import dev.parley.bench.harness.ProcStats;
import dev.parley.bench.harness.RunResult;
import dev.parley.bench.harness.TargetServer;
import dev.parley.bench.workload.Population.BenchConversation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
 * (RSS after − RSS before) / connections.
 */
public final class ConnectionsWorkload {
    public static final String NAME = "connections";
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

        RunResult result = new RunResult(NAME, target.kind(), settings.database(), settings.smoke())
                .parameter("connections", n)
                .parameter("users", population.users().size())
                .parameter("members", members)
                .parameter("rampPerSec", settings.rampPerSecond())
                .parameter("holdSec", settings.shortDuration().toMillis() / 1000.0);
        result.metric("connected", peers.size());
        result.metric("failed", failures.sum());
        result.metric("openAfterHold", openAtEnd);
        result.metric("rampSec", rampSeconds);
        result.metric("connectsPerSec", peers.size() / rampSeconds);
        result.metric("handshakeP50Ms", handshake.percentileMillis(50));
        result.metric("handshakeP99Ms", handshake.percentileMillis(99));
        result.metric("rssBeforeMb", rssBefore / 1048576.0);
        result.metric("rssAfterMb", rssAfter / 1048576.0);
        result.metric("rssPerConnectionKb", peers.isEmpty() ? 0 : (rssAfter - rssBefore) / 1024.0 / peers.size());
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
