package dev.parley.store.search;

import dev.parley.core.search.SearchQuery;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The dialect's full-text search over messages. Finds live (not deleted) messages of the
 * conversations {@code userId} is a member of, matching {@code query.text()} and its filters,
 * best first, skipping {@code query.offset()} and returning at most {@code query.limit()}.
 * Runs on the given handle (the caller's transaction). Thread-safe.
 */
public interface MessageSearch {
    List<SearchMatch> search(Handle handle, String userId, SearchQuery query);
}
