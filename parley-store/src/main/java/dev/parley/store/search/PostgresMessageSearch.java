package dev.parley.store.search;

import dev.parley.core.search.SearchQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Search on PostgreSQL (migration {@code postgresql/V2__search.sql}). The text is folded by
 * {@code parley_search_fold} (lower case, accents removed through Unicode decomposition: no
 * language, no {@code unaccent} dictionary) and indexed twice, only for live messages:
 * <ul>
 *   <li>a GIN index on {@code to_tsvector('simple', …)}: every term as a phrase
 *       ({@code phraseto_tsquery}), ANDed. These hits rank first: score 1 + ts_rank normalised
 *       by length (flags 1|32), in [1, 2).</li>
 *   <li>a GIN {@code pg_trgm} index: every term found inside words with LIKE (Chinese, Japanese,
 *       compound parts). Score: the share of the text the terms cover, c / (length + c), in
 *       [0, 0.5]. Short terms of spaced scripts match as word prefixes instead.</li>
 * </ul>
 * Thread-safe (stateless).
 */
public final class PostgresMessageSearch implements MessageSearch {
    private static final String VECTOR = "to_tsvector('simple', parley_search_fold(m.text))";
    private static final String FOLDED_VECTOR = "to_tsvector('simple', folded)";

    public PostgresMessageSearch() {
    }

    @Override
    public List<SearchMatch> search(Handle handle, String userId, SearchQuery query) {
        SearchConditions.requireValid(userId, query);
        List<SearchTerm> terms = SearchTerms.parse(query.text());
        if (terms.isEmpty() || query.limit() == 0) return List.of();
        Map<String, Object> binds = new LinkedHashMap<>();
        String sql = sql(terms, userId, query, binds);
        SearchSnippet snippet = new SearchSnippet(terms);
        return handle.createQuery(sql)
                .bindMap(binds)
                .map((rs, ctx) -> new SearchMatch(rs.getString("id"), snippet.of(rs.getString("text")),
                        rs.getDouble("score")))
                .list();
    }

    private static String sql(List<SearchTerm> terms, String userId, SearchQuery query, Map<String, Object> binds) {
        List<String> phrases = new ArrayList<>();
        List<String> substrings = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            SearchTerm term = terms.get(i);
            binds.put("term" + i, term.text());
            phrases.add("phraseto_tsquery('simple', parley_search_fold(:term" + i + "))");
            covered.add("(length(folded) - length(replace(folded, parley_search_fold(:term" + i + "), '')))");
            if (term.kind() == SearchTerm.Kind.WORD_PREFIX) {
                binds.put("prefix" + i, prefixQuery(term.text()));
                substrings.add(VECTOR + " @@ to_tsquery('simple', parley_search_fold(:prefix" + i + "))");
            } else {
                binds.put("like" + i, SearchTerms.likeContaining(term.text()));
                substrings.add("parley_search_fold(m.text) LIKE parley_search_fold(:like" + i + ") ESCAPE '!'");
            }
        }
        String words = "(" + String.join(" && ", phrases) + ")";
        String coverage = "(" + String.join(" + ", covered) + ")";

        StringBuilder sql = new StringBuilder(1024)
                .append("WITH found AS MATERIALIZED (SELECT m.id, m.text, m.seq, parley_search_fold(m.text) AS folded")
                .append(" FROM messages m WHERE (").append(VECTOR).append(" @@ ").append(words)
                .append(" OR (").append(String.join(" AND ", substrings)).append("))");
        SearchConditions.append(sql, binds, userId, query);
        sql.append(") SELECT id, text, seq, CASE WHEN ").append(FOLDED_VECTOR).append(" @@ ").append(words)
                .append(" THEN 1.0 + CAST(ts_rank(").append(FOLDED_VECTOR).append(", ").append(words)
                .append(", 33) AS double precision) ELSE coalesce(CAST(").append(coverage)
                .append(" AS double precision) / nullif(length(folded) + ").append(coverage)
                .append(", 0), 0.0) END AS score FROM found");
        SearchConditions.appendPage(sql, binds, query);
        return sql.toString();
    }

    /**
     * A tsquery text matching words that start with {@code text}. WORD_PREFIX terms hold only
     * letters, digits and marks; quotes and backslashes are escaped all the same.
     */
    private static String prefixQuery(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "':*";
    }
}
