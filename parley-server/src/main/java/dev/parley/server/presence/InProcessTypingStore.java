package dev.parley.server.presence;

import dev.parley.core.port.TypingStore;
import dev.parley.core.typing.Typer;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Typing marks of a single node, in memory: per conversation the typers in the order they
 * started. Each method is atomic per conversation; conversations without typers are dropped, so
 * memory follows the number of people typing right now. Thread-safe.
 */
public final class InProcessTypingStore implements TypingStore {
    private final ConcurrentHashMap<String, LinkedHashMap<String, Typer>> typers = new ConcurrentHashMap<>();

    @Override
    public Optional<Typer> put(String conversationId, Typer typer) {
        AtomicReference<Typer> earlier = new AtomicReference<>();
        typers.compute(conversationId, (id, current) -> {
            LinkedHashMap<String, Typer> next = current == null ? new LinkedHashMap<>() : current;
            earlier.set(next.put(typer.userId(), typer));
            return next;
        });
        return Optional.ofNullable(earlier.get());
    }

    @Override
    public Optional<Typer> find(String conversationId, String userId) {
        AtomicReference<Typer> found = new AtomicReference<>();
        typers.computeIfPresent(conversationId, (id, current) -> {
            found.set(current.get(userId));
            return current;
        });
        return Optional.ofNullable(found.get());
    }

    @Override
    public boolean remove(String conversationId, String userId) {
        AtomicBoolean removed = new AtomicBoolean();
        typers.computeIfPresent(conversationId, (id, current) -> {
            removed.set(current.remove(userId) != null);
            return current.isEmpty() ? null : current;
        });
        return removed.get();
    }

    @Override
    public List<Typer> list(String conversationId, Instant now) {
        AtomicReference<List<Typer>> live = new AtomicReference<>(List.of());
        typers.computeIfPresent(conversationId, (id, current) -> {
            live.set(current.values().stream().filter(t -> t.isLiveAt(now)).toList());
            return current;
        });
        return live.get();
    }

    @Override
    public Set<String> removeExpired(Instant now) {
        Set<String> changed = new HashSet<>();
        for (String conversationId : typers.keySet()) {
            typers.computeIfPresent(conversationId, (id, current) -> {
                if (current.values().removeIf(t -> !t.isLiveAt(now))) changed.add(id);
                return current.isEmpty() ? null : current;
            });
        }
        return changed;
    }

    /** How many conversations have typers; for tests of the memory bound. */
    int conversationCount() {
        return typers.size();
    }
}
