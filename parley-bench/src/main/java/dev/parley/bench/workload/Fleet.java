package dev.parley.bench.workload;

import dev.parley.bench.harness.TargetServer;
import dev.parley.bench.workload.Population.BenchConversation;
import dev.parley.bench.workload.Population.BenchUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every member of every conversation of a population connected and resumed: one {@link Peer} per
 * member, in population order (conversation by conversation), all reporting to one tracker.
 */
final class Fleet implements AutoCloseable {
    private static final Duration RESUME_TIMEOUT = Duration.ofSeconds(30);
    private static final int CONCURRENT_CONNECTS = 32;

    private final List<List<Peer>> byConversation;

    private Fleet(List<List<Peer>> byConversation) {
        this.byConversation = byConversation;
    }

    static Fleet connect(TargetServer target, Population population, DeliveryTracker tracker) {
        List<Peer> flat = Population.parallel(population.users().size(), CONCURRENT_CONNECTS, i -> {
            BenchConversation conversation = population.conversations().get(i / population.conversations().getFirst().members().size());
            BenchUser user = population.users().get(i);
            return Peer.connect(target, null, user, Map.of(conversation.id(), conversation.lastSeq()), tracker,
                    RESUME_TIMEOUT);
        });
        int members = population.conversations().getFirst().members().size();
        List<List<Peer>> grouped = new ArrayList<>();
        for (int c = 0; c < population.conversations().size(); c++) {
            grouped.add(flat.subList(c * members, (c + 1) * members));
        }
        return new Fleet(grouped);
    }

    /** The peers of conversation {@code c}, in member order. */
    List<Peer> of(int c) {
        return byConversation.get(c);
    }

    int size() {
        return byConversation.stream().mapToInt(List::size).sum();
    }

    @Override
    public void close() {
        byConversation.forEach(peers -> peers.forEach(Peer::close));
    }
}
