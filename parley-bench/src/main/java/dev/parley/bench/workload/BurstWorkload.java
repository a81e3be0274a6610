package dev.parley.bench.workload;

import dev.parley.bench.harness.BenchSettings;
import dev.parley.bench.harness.RunResult;
import dev.parley.bench.harness.TargetServer;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code burst}: one conversation of {@code burstMembers} members, all connected or only the first
 * {@code burstConnected} (the sender first; the others are members who are offline); one sender
 * keeps {@code window} messages in flight (closed loop: the next send waits for a reply). Measures
 * the highest persisted (acknowledged) rate into one conversation, with its latencies; with few
 * members connected, what the writes cost without the fan-out to a hundred sockets.
 */
public final class BurstWorkload {
    public static final String NAME = "burst";

    private BurstWorkload() {
    }

    public static RunResult run(TargetServer target, BenchSettings settings, String prefix) {
        int members = settings.burstMembers();
        Population population = Population.create(target, prefix, 1, members);
        DeliveryTracker tracker = new DeliveryTracker();
        Semaphore window = new Semaphore(settings.window());
        tracker.onReply(window::release);
        String conversationId = population.conversations().getFirst().id();
        int connected = settings.burstConnected() == 0 ? members : Math.min(settings.burstConnected(), members);
        try (Fleet fleet = Fleet.connect(target, population, tracker, connected)) {
            Peer sender = fleet.of(0).getFirst();
            long start = System.nanoTime();
            long cap = settings.burstMessages();
            // A capped burst is short: every message counts, there is no warm-up.
            long measureFrom = start + (cap > 0 ? 0 : settings.warmup().toNanos());
            long end = measureFrom + settings.duration().toNanos();
            Thread loop = Thread.ofVirtual().name("burst-sender").start(() -> {
                for (long k = 0; System.nanoTime() < end && (cap == 0 || k < cap); k++) {
                    try {
                        if (!window.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                            k--;
                            continue;
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    long now = System.nanoTime();
                    if (now >= end) return;
                    String id = "b-" + k;
                    tracker.sending(id, now, connected - 1, now >= measureFrom);
                    try {
                        sender.sendMessage(id, conversationId, "Burst message " + k);
                    } catch (IOException e) {
                        tracker.failed(id, e.toString());
                        return;
                    }
                }
            });
            SocketRun.sleepUntil(measureFrom);
            SocketRun.Cpu cpu = new SocketRun.Cpu(target);
            try {
                // With a message cap the window ends when the last message is answered.
                loop.join(java.time.Duration.ofNanos(Math.max(1, end - System.nanoTime())));
                if (cap > 0) SocketRun.drain(tracker, settings.drain());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long measuredNanos = Math.min(end, System.nanoTime()) - measureFrom;
            RunResult result = new RunResult(NAME, target.kind(), settings.database(), settings.smoke())
                    .parameter("members", members)
                    .parameter("connected", connected)
                    .parameter("window", settings.window())
                    .parameter("messageCap", cap)
                    .parameter("durationSec", settings.duration().toMillis() / 1000.0)
                    .parameter("warmupSec", settings.warmup().toMillis() / 1000.0);
            cpu.report(result);
            try {
                loop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            SocketRun.drain(tracker, settings.drain());
            SocketRun.report(result, tracker, tracker.finish(), Math.max(1, measuredNanos) / 1e9);
            result.metric("persistedPerSec", result.number("ackedPerSec"));
            return result;
        }
    }
}
