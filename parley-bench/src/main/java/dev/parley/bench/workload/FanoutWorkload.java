package dev.parley.bench.workload;

import dev.parley.bench.harness.BenchSettings;
import dev.parley.bench.harness.RunResult;
import dev.parley.bench.harness.TargetServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fanout}: R conversations × M members, every member connected; the first S members of each
 * conversation send open-loop: send k of a sender is due at start + k × interval, whatever the
 * server answered, so a slow server cannot slow the offered load (and latency is measured from
 * the due time, so queueing in the generator counts against the server, not for it). With
 * {@code --find-max} the rate is raised ×1.5 per step until the e2e p99 exceeds the limit or
 * anything is lost, and the highest clean rate is reported.
 */
public final class FanoutWorkload {
    public static final String NAME = "fanout";

    private FanoutWorkload() {
    }

    public static List<RunResult> run(TargetServer target, BenchSettings settings, String prefix) {
        Population population = Population.create(target, prefix, settings.conversations(), settings.members());
        DeliveryTracker tracker = new DeliveryTracker();
        List<RunResult> results = new ArrayList<>();
        try (Fleet fleet = Fleet.connect(target, population, tracker)) {
            if (!settings.findMax()) {
                results.add(phase(target, settings, population, fleet, tracker, settings.rate(), 0));
                return results;
            }
            double rate = settings.rate();
            double best = 0;
            for (int step = 0; step < settings.findMaxSteps(); step++) {
                RunResult result = phase(target, settings, population, fleet, tracker, rate, step);
                results.add(result);
                boolean clean = result.ok() && result.number("e2eP99Ms") <= settings.findMaxP99Millis();
                if (!clean) break;
                best = rate;
                rate *= settings.findMaxFactor();
            }
            RunResult summary = new RunResult(NAME + "-max", target.kind(), settings.database(), settings.smoke())
                    .parameter("p99LimitMs", settings.findMaxP99Millis())
                    .parameter("stepFactor", settings.findMaxFactor())
                    .parameter("steps", results.size())
                    .metric("maxCleanRatePerSec", best);
            results.add(summary);
            return results;
        }
    }

    private static RunResult phase(TargetServer target, BenchSettings settings, Population population, Fleet fleet,
                                   DeliveryTracker tracker, double rate, int step) {
        tracker.reset();
        int members = settings.members();
        int senders = Math.min(settings.senders(), members);
        int senderCount = population.conversations().size() * senders;
        long intervalNanos = (long) (1e9 * senderCount / rate);
        long start = System.nanoTime() + 100_000_000L;
        long measureFrom = start + settings.warmup().toNanos();
        long end = measureFrom + settings.duration().toNanos();
        List<Thread> threads = new ArrayList<>(senderCount);
        for (int c = 0; c < population.conversations().size(); c++) {
            String conversationId = population.conversations().get(c).id();
            for (int s = 0; s < senders; s++) {
                Peer sender = fleet.of(c).get(s);
                int senderNumber = c * senders + s;
                long offset = intervalNanos * senderNumber / senderCount;
                threads.add(Thread.ofVirtual().name("sender-" + senderNumber).start(() -> {
                    for (long k = 0; ; k++) {
                        long due = start + offset + k * intervalNanos;
                        if (due >= end) return;
                        SocketRun.sleepUntil(due);
                        String id = "p" + step + "-s" + senderNumber + "-" + k;
                        tracker.sending(id, due, members - 1, due >= measureFrom);
                        try {
                            sender.sendMessage(id, conversationId, "Fan-out message " + k + " from sender " + senderNumber);
                        } catch (IOException e) {
                            tracker.failed(id, e.toString());
                            return;
                        }
                    }
                }));
            }
        }
        SocketRun.sleepUntil(measureFrom);
        SocketRun.Cpu cpu = new SocketRun.Cpu(target);
        SocketRun.sleepUntil(end);
        RunResult result = new RunResult(NAME, target.kind(), settings.database(), settings.smoke())
                .parameter("conversations", population.conversations().size())
                .parameter("members", members)
                .parameter("senders", senders)
                .parameter("ratePerSec", rate)
                .parameter("durationSec", settings.duration().toMillis() / 1000.0)
                .parameter("warmupSec", settings.warmup().toMillis() / 1000.0)
                .parameter("connections", fleet.size());
        if (settings.findMax()) result.parameter("step", step);
        cpu.report(result);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        SocketRun.drain(tracker, settings.drain());
        SocketRun.report(result, tracker, tracker.finish(), settings.duration().toNanos() / 1e9);
        return result;
    }
}
