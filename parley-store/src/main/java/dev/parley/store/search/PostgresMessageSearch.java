package dev.parley.store.search;

import dev.parley.core.search.SearchQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * Search on PostgreSQL (migration {@code postgresql/V2__search.sql}). The text is folded by
 * {@code parley_search_fold} (lower case, accents removed through Unicode decomposition: no
 * language, no {@code unaccent} dictionary) and indexed twice, only for live messages: a GIN index
 * on {@code to_tsvector('simple', …)} and a GIN {@code pg_trgm} index. Results come in the same two
 * tiers as on SQLite ({@link SqliteMessageSearch}), each newest first ({@code created_at}, then
 * id):
 * <ol>
 *   <li>every term as whole words ({@code phraseto_tsquery}), or, in a term with characters of a
 *       script written without spaces, as a substring: score 1;</li>
 *   <li>then every term as a substring ({@code LIKE} through the trigram index), or a spaced term
 *       shorter than three characters as the start of a word, and not already in tier 1:
 *       score 0.5.</li>
 * </ol>
 * Tier 2 is read only when tier 1 does not fill the page. Thread-safe (stateless).
 */
public final class PostgresMessageSearch implements MessageSearch {
    private static final String VECTOR = "to_tsvector('simple', parley_search_fold(m.text))";
    private static final String FOLDED = "parley_search_fold(m.text)";
    /** The two GIN indexes of the search, whose pending lists are merged in the background ({@code BackgroundUpkeep}). */
    public static final List<String> GIN_INDEXES = List.of("messages_search_words_idx", "messages_search_trigrams_idx");

    public PostgresMessageSearch() {
    }

    @Override
    public List<SearchMatch> search(Handle handle, String userId, SearchQuery query) {
        SearchConditions.requireValid(userId, query);
        List<SearchTerm> terms = SearchTerms.parse(query.text());
        if (terms.isEmpty() || query.limit() == 0) return List.of();
        List<String> conversations = SearchConditions.conversationsOf(handle, userId, query.conversationId());
        if (conversations.isEmpty()) return List.of();
        List<Condition> whole = new ArrayList<>();
        List<Condition> parts = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            SearchTerm term = terms.get(i);
            Condition substring = substring(term, i);
            whole.add(SearchParts.hasUnspaced(term.text()) ? substring : new Condition(VECTOR
                    + " @@ phraseto_tsquery('simple', parley_search_fold(:term" + i + "))", Map.of("term" + i, term.text())));
            parts.add(substring);
        }
        int end = query.offset() + query.limit();

        List<Found> first = find(handle, whole, conversations, query, end);
        List<Found> page = new ArrayList<>(first.subList(Math.min(query.offset(), first.size()), first.size()));
        if (first.size() < end && !parts.equals(whole)) {
            // Every tier-1 hit is known: tier 2 is what else matches, after them.
            Set<String> tierOne = new HashSet<>();
            first.forEach(found -> tierOne.add(found.id()));
            int position = first.size();
            for (Found found : find(handle, parts, conversations, query, end + first.size())) {
                if (tierOne.contains(found.id())) continue;
                if (position >= query.offset() && page.size() < query.limit()) page.add(found.withScore(PARTS_OF_WORDS));
                position++;
            }
        }
        SearchSnippet snippet = new SearchSnippet(terms);
        return page.stream().map(found -> new SearchMatch(found.id(), snippet.of(found.text()), found.score())).toList();
    }

    /** A hit before its snippet is made. */
    private record Found(String id, String text, double score) {
        Found withScore(double value) {
            return new Found(id, text, value);
        }
    }

    /** A condition on the row {@code m} and the values it binds. */
    private record Condition(String sql, Map<String, Object> binds) {
    }

    /** Term {@code i} inside words (LIKE), or a short spaced term at the start of a word. */
    private static Condition substring(SearchTerm term, int i) {
        if (term.kind() == SearchTerm.Kind.WORD_PREFIX) {
            return new Condition(VECTOR + " @@ to_tsquery('simple', parley_search_fold(:prefix" + i + "))",
                    Map.of("prefix" + i, prefixQuery(term.text())));
        }
        return new Condition(FOLDED + " LIKE parley_search_fold(:like" + i + ") ESCAPE '!'",
                Map.of("like" + i, SearchTerms.likeContaining(term.text())));
    }

    /**
     * The newest {@code limit} live messages of {@code conversations} that meet every condition.
     * The conversations are a list of values, not a join, so that PostgreSQL can AND the bitmap of
     * their messages with the bitmap of the text index before it reads a row. Planned for the
     * values at hand every time: a generic plan cannot know whether a LIKE pattern can use the
     * trigram index, and chose to fold every message of the store.
     */
    private static List<Found> find(Handle handle, List<Condition> conditions, List<String> conversations,
                                    SearchQuery query, int limit) {
        Map<String, Object> binds = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder(1024).append("SELECT m.id AS id, m.text AS text FROM messages m WHERE ");
        for (Condition condition : conditions) {
            sql.append(condition.sql()).append(" AND ");
            binds.putAll(condition.binds());
        }
        sql.append("m.conversation_id IN (<conversations>)");
        SearchConditions.appendFilters(sql, binds, query);
        sql.append(" ORDER BY m.created_at DESC, m.id DESC LIMIT :limit");
        binds.put("limit", limit);
        return handle.createQuery(sql.toString())
                .bindMap(binds)
                .bindList("conversations", conversations)
                .addCustomizer(PLANNED_EACH_TIME)
                .map((rs, ctx) -> new Found(rs.getString("id"), rs.getString("text"), WHOLE_WORDS))
                .list();
    }

    /** Sends the statement unprepared, so that PostgreSQL plans it for its values. */
    private static final StatementCustomizer PLANNED_EACH_TIME = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext context) throws SQLException {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    };

    /**
     * A tsquery text matching words that start with {@code text}. WORD_PREFIX terms hold only
     * letters, digits and marks; quotes and backslashes are escaped all the same.
     */
    private static String prefixQuery(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "':*";
    }
}
