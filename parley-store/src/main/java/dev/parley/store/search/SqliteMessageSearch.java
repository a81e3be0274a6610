package dev.parley.store.search;

import dev.parley.core.search.SearchQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;

/**
 * Search on SQLite FTS5 (migration {@code sqlite/V2__search.sql}). Two external-content indexes
 * over {@code messages.text}, kept in sync by {@link SqliteSearchIndex} and triggers:
 * <ul>
 *   <li>{@code messages_search_words} ({@code unicode61 remove_diacritics 2}): every term as a
 *       phrase, ANDed; "cafe" finds "café", "e-mail" finds "E-Mail". These hits rank first:
 *       score 1 + bm25/(1 + bm25), in [1, 2).</li>
 *   <li>{@code messages_search_trigrams} ({@code trigram remove_diacritics 1}): every term
 *       found inside words, for Chinese and Japanese and compound parts ("freund" in
 *       "Freundschaftsanfrage"). Score bm25/(1 + bm25), in [0, 1). Terms shorter than three
 *       characters cannot use trigrams: in unspaced scripts they are matched with LIKE over the
 *       caller's live messages, otherwise as word prefixes in the word index.</li>
 * </ul>
 * A message found both ways counts once, with its better score. The word index also holds each
 * message's conversation id, so its matches are limited to the caller's conversations inside
 * FTS5; when the word hits alone fill the requested page (they rank above every other hit), the
 * other sources are not queried at all. Thread-safe (stateless).
 */
public final class SqliteMessageSearch implements MessageSearch {
    private static final String WORDS = "messages_search_words";
    private static final String TRIGRAMS = "messages_search_trigrams";
    private static final Pattern GENERATED_ID = Pattern.compile("[a-z]+_([0-9a-z]{16,})");
    /** The word index ranks by the text alone; its conversation column only filters. */
    private static final String WORDS_RANK = "bm25(" + WORDS + ", 1.0, 0.0)";

    public SqliteMessageSearch() {
    }

    @Override
    public List<SearchMatch> search(Handle handle, String userId, SearchQuery query) {
        SearchConditions.requireValid(userId, query);
        List<SearchTerm> terms = SearchTerms.parse(query.text());
        if (terms.isEmpty() || query.limit() == 0) return List.of();
        String conversations = conversationsOf(handle, userId, query.conversationId());
        if (conversations == null) return List.of();
        SearchSnippet snippet = new SearchSnippet(terms);
        // Word hits always rank above the other sources: when they fill the page, it is the page.
        Map<String, Object> binds = new LinkedHashMap<>();
        List<SearchMatch> words = run(handle, wordsOnly(terms, conversations, userId, query, binds), binds, snippet);
        if (words.size() == query.offset() + query.limit()) return words.subList(query.offset(), words.size());
        binds = new LinkedHashMap<>();
        return run(handle, sql(terms, conversations, userId, query, binds), binds, snippet);
    }

    private static List<SearchMatch> run(Handle handle, String sql, Map<String, Object> binds, SearchSnippet snippet) {
        return handle.createQuery(sql)
                .bindMap(binds)
                .map((rs, ctx) -> new SearchMatch(rs.getString("id"), snippet.of(rs.getString("text")),
                        rs.getDouble("score")))
                .list();
    }

    /**
     * The caller's conversations (or the one asked for, if the caller is in it) as an FTS5 column
     * filter for the word index, so FTS5 returns only their messages; null when there are none.
     */
    private static String conversationsOf(Handle handle, String userId, String onlyConversation) {
        var query = handle.createQuery("SELECT conversation_id FROM conversation_members WHERE user_id = :user"
                        + (onlyConversation == null ? "" : " AND conversation_id = :conversation"))
                .bind("user", userId);
        if (onlyConversation != null) query.bind("conversation", onlyConversation);
        List<String> ids = query.mapTo(String.class).list();
        if (ids.isEmpty()) return null;
        return "conversation_id : (" + ids.stream().map(SqliteMessageSearch::conversationToken)
                .collect(Collectors.joining(" OR ")) + ")";
    }

    /**
     * A conversation id as the word index matches it. Parley's ids are a kind prefix and a unique
     * part ({@code c_01j…}), which the tokenizer splits into "c" (in every row) and the unique
     * token: matching the unique token alone finds the same rows without reading the doclist of
     * "c". Any other id is matched as the phrase of all its tokens.
     */
    static String conversationToken(String id) {
        Matcher generated = GENERATED_ID.matcher(id);
        return SearchTerms.ftsPhrase(generated.matches() ? generated.group(1) : id);
    }

    /** The word-index hits alone, best first, up to the end of the requested page. */
    private static String wordsOnly(List<SearchTerm> terms, String conversations, String userId, SearchQuery query,
                                    Map<String, Object> binds) {
        binds.put("words", inText(matchExpression(terms, ""), conversations));
        StringBuilder sql = new StringBuilder(512)
                .append("SELECT m.id AS id, m.text AS text, m.seq AS seq, h.score AS score FROM (SELECT rowid AS rid, 1.0 + ")
                .append(normalisedRank(WORDS_RANK)).append(" AS score FROM ").append(WORDS).append(" WHERE ")
                .append(WORDS).append(" MATCH :words) AS h JOIN messages m ON m.rowid = h.rid WHERE 1 = 1");
        SearchConditions.append(sql, binds, userId, query);
        SearchConditions.appendPage(sql, binds, 0, query.offset() + query.limit());
        return sql.toString();
    }

    /** An FTS5 expression: {@code terms} in the text, in one of the conversations. */
    private static String inText(String terms, String conversations) {
        return "text : (" + terms + ") AND " + conversations;
    }

    /**
     * Hits h(rid, kind, score) come from the word index (kind 0) united with one substring source:
     * the trigram index (kind 1) when a term is long enough, else a LIKE scan of the caller's
     * messages (kind 2, scored by coverage), else word prefixes (kind 1). Substring hits must also
     * meet the conditions of the terms their source did not check.
     */
    private static String sql(List<SearchTerm> terms, String conversations, String userId, SearchQuery query,
                              Map<String, Object> binds) {
        List<SearchTerm> trigram = ofKind(terms, SearchTerm.Kind.TRIGRAM);
        List<SearchTerm> shortSubstring = ofKind(terms, SearchTerm.Kind.SHORT_SUBSTRING);
        List<SearchTerm> prefix = ofKind(terms, SearchTerm.Kind.WORD_PREFIX);
        binds.put("words", inText(matchExpression(terms, ""), conversations));
        if (!prefix.isEmpty()) binds.put("prefixes", inText(matchExpression(prefix, " *"), conversations));
        for (int i = 0; i < shortSubstring.size(); i++) {
            binds.put("like" + i, SearchTerms.likeContaining(shortSubstring.get(i).text()));
            binds.put("part" + i, shortSubstring.get(i).text());
        }

        StringBuilder sql = new StringBuilder(1024)
                .append("SELECT m.id AS id, m.text AS text, m.seq AS seq, max(CASE h.kind WHEN 2 THEN ")
                .append(coverage(shortSubstring)).append(" ELSE h.score END) AS score FROM (")
                .append("SELECT rowid AS rid, 0 AS kind, 1.0 + ").append(normalisedRank(WORDS_RANK))
                .append(" AS score FROM ").append(WORDS).append(" WHERE ").append(WORDS).append(" MATCH :words")
                .append(" UNION ALL ");
        if (!trigram.isEmpty()) {
            binds.put("trigrams", matchExpression(trigram, ""));
            sql.append("SELECT rowid, 1, ").append(normalisedRank("bm25(" + TRIGRAMS + ")")).append(" FROM ").append(TRIGRAMS)
                    .append(" WHERE ").append(TRIGRAMS).append(" MATCH :trigrams");
        } else if (!shortSubstring.isEmpty()) {
            sql.append("SELECT s.rowid, 2, 0.0 FROM messages s WHERE s.text LIKE :like0 ESCAPE '!'")
                    .append(" AND s.deleted_at IS NULL AND s.conversation_id IN")
                    .append(" (SELECT cm.conversation_id FROM conversation_members cm WHERE cm.user_id = :user)");
        } else {
            sql.append("SELECT rowid, 1, 0.5 * ").append(normalisedRank(WORDS_RANK)).append(" FROM ").append(WORDS)
                    .append(" WHERE ").append(WORDS).append(" MATCH :prefixes");
        }
        sql.append(") AS h JOIN messages m ON m.rowid = h.rid WHERE (h.kind = 0 OR (1 = 1");
        for (int i = 0; i < shortSubstring.size(); i++) {
            sql.append(" AND m.text LIKE :like").append(i).append(" ESCAPE '!'");
        }
        if (!prefix.isEmpty()) {
            sql.append(" AND m.rowid IN (SELECT rowid FROM ").append(WORDS).append(" WHERE ").append(WORDS)
                    .append(" MATCH :prefixes)");
        }
        sql.append("))");
        SearchConditions.append(sql, binds, userId, query);
        sql.append(" GROUP BY m.rowid");
        SearchConditions.appendPage(sql, binds, query);
        return sql.toString();
    }

    /** -bm25 (positive, higher is better) mapped into [0, 1). */
    private static String normalisedRank(String bm25) {
        return "(-" + bm25 + ") / (1.0 - " + bm25 + ")";
    }

    /** For LIKE-only hits: the share of the text the short terms cover, mapped into [0, 0.5]. */
    private static String coverage(List<SearchTerm> shortSubstring) {
        if (shortSubstring.isEmpty()) return "0.0";
        String covered = IntStream.range(0, shortSubstring.size())
                .mapToObj(i -> "(length(m.text) - length(replace(lower(m.text), lower(:part" + i + "), '')))")
                .collect(Collectors.joining(" + "));
        return "coalesce(CAST(" + covered + " AS REAL) / (length(m.text) + " + covered + "), 0.0)";
    }

    private static String matchExpression(List<SearchTerm> terms, String suffix) {
        return terms.stream().map(term -> SearchTerms.ftsPhrase(term.text()) + suffix)
                .collect(Collectors.joining(" "));
    }

    private static List<SearchTerm> ofKind(List<SearchTerm> terms, SearchTerm.Kind kind) {
        return terms.stream().filter(term -> term.kind() == kind).toList();
    }
}
