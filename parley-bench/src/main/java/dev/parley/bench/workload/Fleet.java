package dev.parley.bench.workload;

import dev.parley.bench.harness.TargetServer;
import dev.parley.bench.workload.Population.BenchConversation;
import dev.parley.bench.workload.Population.BenchUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The members of every conversation of a population connected and resumed (all, or the first few
 * of each): one {@link Peer} per connected member, in population order (conversation by
 * conversation), all reporting to one tracker.
 */
final class Fleet implements AutoCloseable {
    private static final Duration RESUME_TIMEOUT = Duration.ofSeconds(30);
    private static final int CONCURRENT_CONNECTS = 32;

    private final List<List<Peer>> byConversation;

    private Fleet(List<List<Peer>> byConversation) {
        this.byConversation = byConversation;
    }

    static Fleet connect(TargetServer target, Population population, DeliveryTracker tracker) {
        return connect(target, population, tracker, population.conversations().getFirst().members().size());
    }

    /** Connects the first {@code perConversation} members of every conversation. */
    static Fleet connect(TargetServer target, Population population, DeliveryTracker tracker, int perConversation) {
        int members = population.conversations().getFirst().members().size();
        int connected = Math.min(perConversation, members);
        int conversations = population.conversations().size();
        List<Peer> flat = Population.parallel(conversations * connected, CONCURRENT_CONNECTS, i -> {
            BenchConversation conversation = population.conversations().get(i / connected);
            BenchUser user = conversation.members().get(i % connected);
            return Peer.connect(target, null, user, Map.of(conversation.id(), conversation.lastSeq()), tracker,
                    RESUME_TIMEOUT);
        });
        List<List<Peer>> grouped = new ArrayList<>();
        for (int c = 0; c < conversations; c++) {
            grouped.add(flat.subList(c * connected, (c + 1) * connected));
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
