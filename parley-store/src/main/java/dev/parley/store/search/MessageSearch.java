package dev.parley.store.search;

import dev.parley.core.search.SearchQuery;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The dialect's full-text search over messages. Finds live (not deleted) messages of the
 * conversations {@code userId} is a member of, matching {@code query.text()} and its filters,
 * skipping {@code query.offset()} and returning at most {@code query.limit()}, in this order:
 * first the messages with every term as whole words (in scripts written without spaces, as
 * consecutive characters), score {@link #WHOLE_WORDS}; then those with a term only inside words
 * (or, for a term shorter than three letters, at the start of a word), score
 * {@link #PARTS_OF_WORDS}; newest first within each. Runs on the given handle (the caller's
 * transaction). Thread-safe.
 */
public interface MessageSearch {
    /** The score of a message with every term as whole words. */
    double WHOLE_WORDS = 1.0;
    /** The score of a message with a term only inside words. */
    double PARTS_OF_WORDS = 0.5;

    List<SearchMatch> search(Handle handle, String userId, SearchQuery query);
}
