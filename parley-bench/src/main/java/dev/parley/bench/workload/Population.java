package dev.parley.bench.workload;

import dev.parley.bench.harness.TargetServer;
import dev.parley.bench.rest.RestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The users and conversations a workload runs with, created through the server's REST API with the
 * API key: {@code conversations} group conversations of {@code members} distinct users each. Every
 * user gets a host token (valid two hours) minted by the bench. Set-up runs a few calls at a time.
 */
public record Population(List<BenchUser> users, List<BenchConversation> conversations) {
    private static final int PARALLEL_CALLS = 8;

    /** A user: its number in the population, its Parley id and its bearer token. */
    public record BenchUser(int number, String id, String token) {
    }

    /** A conversation, the seq of its newest event when created, and its members in order. */
    public record BenchConversation(int number, String id, long lastSeq, List<BenchUser> members) {
    }

    /** Creates the population; {@code prefix} keeps users of different workloads on one server apart. */
    public static Population create(TargetServer target, String prefix, int conversations, int members) {
        RestApi api = target.api();
        Instant expires = Instant.now().plus(Duration.ofHours(2));
        int userCount = conversations * members;
        List<BenchUser> users = parallel(userCount, i -> {
            String sub = prefix + "-u" + i;
            String name = "Bench user " + i;
            return new BenchUser(i, api.provisionUser(sub, name), target.tokens().token(sub, name, expires));
        });
        List<BenchConversation> created = parallel(conversations, c -> {
            List<BenchUser> memberUsers = users.subList(c * members, (c + 1) * members);
            var conversation = api.createGroup(prefix + " conversation " + c,
                    memberUsers.stream().map(BenchUser::id).toList());
            return new BenchConversation(c, conversation.id(), conversation.lastSeq(), memberUsers);
        });
        return new Population(users, created);
    }

    interface Step<T> {
        T run(int index) throws Exception;
    }

    static <T> List<T> parallel(int count, Step<T> step) {
        return parallel(count, PARALLEL_CALLS, step);
    }

    /** Runs {@code step} for 0 … count − 1, at most {@code parallelism} at a time; the results in order. */
    static <T> List<T> parallel(int count, int parallelism, Step<T> step) {
        Semaphore permits = new Semaphore(parallelism);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return step.run(index);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<T> results = new ArrayList<>(count);
            for (Future<T> future : futures) results.add(future.get());
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during set-up", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Set-up failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
