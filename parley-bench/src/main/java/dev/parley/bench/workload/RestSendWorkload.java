package dev.parley.bench.workload;

import dev.parley.bench.harness.BenchSettings;
import dev.parley.bench.harness.RunResult;
import dev.parley.bench.harness.TargetServer;
import dev.parley.bench.rest.RestApi;

/**
 * {@code rest-send}: {@code concurrency} clients, each the sender of its own two-member
 * conversation, post messages through {@code POST /conversations/{id}/messages} back to back over
 * keep-alive HTTP/1.1 connections. Reports messages per second and the request latency; every
 * answer must be 201 with the message.
 */
public final class RestSendWorkload {
    public static final String NAME = "rest-send";

    private RestSendWorkload() {
    }

    public static RunResult run(TargetServer target, BenchSettings settings, String prefix) {
        int clients = settings.concurrency();
        Population population = Population.create(target, prefix, clients, 2);
        SocketRun.Cpu[] cpu = new SocketRun.Cpu[1];
        Thread meter = SocketRun.meterAfterWarmup(target, settings, cpu);
        ClosedLoop.Totals totals = ClosedLoop.run(clients, settings.warmup(), settings.duration(), (client, k) -> {
            var conversation = population.conversations().get(client);
            String id = "r-" + client + "-" + k;
            RestApi.Answer answer = target.api().send(conversation.members().getFirst().token(), conversation.id(), id,
                    "REST message " + k + " from client " + client);
            if (answer.status() != 201) return new ClosedLoop.Outcome("send", "HTTP " + answer.status() + ": " + answer.body());
            if (!answer.body().contains("\"clientMessageId\":\"" + id + "\"")) {
                return new ClosedLoop.Outcome("send", "the answer is not the sent message: " + answer.body());
            }
            return ClosedLoop.Outcome.ok("send");
        });
        RunResult result = new RunResult(NAME, target.kind(), settings.database(), settings.smoke())
                .parameter("clients", clients)
                .parameter("durationSec", settings.duration().toMillis() / 1000.0)
                .parameter("warmupSec", settings.warmup().toMillis() / 1000.0);
        SocketRun.joinMeter(meter, cpu, result);
        result.metric("sentPerSec", totals.calls.sum() / totals.seconds);
        result.latency("send", totals.all);
        result.metric("failed", totals.failures.sum());
        if (totals.calls.sum() == 0) result.problem("no message was sent");
        if (totals.failures.sum() > 0) result.problem(totals.failures.sum() + " sends failed; first: " + totals.firstFailure.get());
        return result;
    }
}
