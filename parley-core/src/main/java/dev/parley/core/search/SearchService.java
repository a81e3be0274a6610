package dev.parley.core.search;

import dev.parley.core.Ports;
import dev.parley.core.access.Access;
import dev.parley.core.access.Actor;
import dev.parley.core.error.Validation;
import dev.parley.core.support.Cursors;
import dev.parley.core.support.Inputs;
import dev.parley.core.support.Page;
import java.util.List;

/**
 * Full-text search over the conversations the caller belongs to, whole-word matches first and
 * newest first (the store's {@code MessageStore.search} decides the order), with an
 * opaque cursor for the next page. Thread-safe.
 */
public final class SearchService {
    /** Results beyond this rank are not paged to; a narrower query finds them. */
    public static final int MAX_DEPTH = 1_000;

    private final Ports ports;

    public SearchService(Ports ports) {
        this.ports = ports;
    }

    /** {@code query.offset()} is ignored; the position comes from {@code cursor}. */
    public Page<SearchHit> search(Actor actor, SearchQuery query, String cursor, Integer limit) {
        String me = actor.requireUserId();
        int size = Inputs.pageSize(ports.limits(), limit);
        int offset = Cursors.offset(cursor);
        new Validation()
                .requireText(query.text(), "q", 1, 200)
                .require(query.from() == null || query.to() == null || !query.from().isAfter(query.to()), "from",
                        "must not be after to")
                .require(offset < MAX_DEPTH, "cursor", "is past the deepest page")
                .throwIfInvalid();
        return ports.tx().read(() -> {
            if (query.conversationId() != null) Access.of(ports.conversations(), actor, query.conversationId());
            SearchQuery bounded = new SearchQuery(query.text().strip(), query.conversationId(), query.senderId(),
                    query.type(), query.from(), query.to(), offset, size + 1);
            List<SearchHit> hits = ports.messages().search(me, bounded);
            if (hits.size() <= size) return new Page<>(hits, null);
            return new Page<>(List.copyOf(hits.subList(0, size)), Cursors.offset(offset + size));
        });
    }
}
