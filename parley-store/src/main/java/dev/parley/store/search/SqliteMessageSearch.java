package dev.parley.store.search;

import dev.parley.core.search.SearchQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Search on SQLite FTS5: one contentless index, {@code messages_search} (migration
 * {@code sqlite/V6}, kept by {@link SqliteSearchIndex}), with three columns per message: its
 * {@code words} (tokenizer {@code unicode61 remove_diacritics 2}: "cafe" finds "café", "e-mail"
 * finds "E-Mail"), its {@code parts} ({@link SearchParts}: windows of three characters of words,
 * of two characters in Chinese and Japanese) and its {@code conversation} (one token per
 * conversation).
 *
 * <p>Results come in two tiers, each newest first (descending rowid: the order messages were
 * stored in):
 * <ol>
 *   <li>every term as whole words (in unspaced scripts, as consecutive characters): score 1;</li>
 *   <li>then, when tier 1 does not fill the page, every term found inside words ("freund" in
 *       "Freundschaftsanfrage"; a spaced term shorter than three characters at the start of a
 *       word), and not already in tier 1: score 0.5.</li>
 * </ol>
 * FTS5 is given the caller's conversations, so it keeps only their messages, and reads the
 * matches newest first, stopping at the end of the requested page: a word in every tenth message
 * costs no more than a rare one. Tier 1 first names only the caller's most recently active
 * conversations ({@link #collectRecentFirst}); before all of them are named, one cheap question to
 * the whole store (no conversation filter; for tier 2 only the first and last part of each term)
 * tells whether there can be any match at all ({@link #anywhere}). Every hit is live, in a
 * conversation the caller is a member of (checked in the same read transaction), and meets the
 * query's filters. Thread-safe (stateless). Design and measurements: docs/adr/0005.
 */
public final class SqliteMessageSearch implements MessageSearch {
    /** How many of the caller's most recently active conversations are searched first. */
    static final int RECENT = 8;

    public SqliteMessageSearch() {
    }

    @Override
    public List<SearchMatch> search(Handle handle, String userId, SearchQuery query) {
        SearchConditions.requireValid(userId, query);
        List<SearchTerm> terms = SearchTerms.parse(query.text());
        if (terms.isEmpty() || query.limit() == 0) return List.of();
        Caller caller = Caller.of(handle, userId, query.conversationId());
        if (caller.ids().isEmpty()) return List.of();
        List<Tier> wholeWords = terms.stream().map(SqliteMessageSearch::wholeWords).toList();
        List<Tier> partsOfWords = terms.stream().map(SqliteMessageSearch::partsOfWords).toList();
        String whole = Tier.all(wholeWords, Tier::match);
        String parts = Tier.all(partsOfWords, Tier::match);

        Page page = new Page(query.offset(), query.limit(), caller.ids());
        collectRecentFirst(handle, whole, Tier.all(wholeWords, Tier::necessary), caller, query, page, WHOLE_WORDS);
        if (!page.full() && !parts.equals(whole)) {
            collectAll(handle, "(" + parts + ") NOT (" + whole + ")", Tier.all(partsOfWords, Tier::necessary),
                    caller.conversations(), query, page, PARTS_OF_WORDS, Long.MAX_VALUE);
        }
        SearchSnippet snippet = new SearchSnippet(terms);
        return page.hits.stream().map(hit -> new SearchMatch(hit.id(), snippet.of(hit.text()), hit.score())).toList();
    }

    /**
     * One term's FTS5 expression in a tier, and a cheaper one that every match also matches, for
     * telling that the whole store has no match without asking for the caller's conversations.
     */
    private record Tier(String match, String necessary) {

        /** The expressions of every term, ANDed. */
        static String all(List<Tier> terms, Function<Tier, String> expression) {
            return terms.stream().map(expression).collect(Collectors.joining(" AND "));
        }
    }

    /** A term as whole words, or in an unspaced script as consecutive characters. */
    private static Tier wholeWords(SearchTerm term) {
        if (SearchParts.hasUnspaced(term.text())) {
            SearchParts.Phrase phrase = SearchParts.phrase(term.text());
            return new Tier("parts : (" + phrase.fts() + ")", "parts : (" + phrase.firstAndLast() + ")");
        }
        String words = "words : " + SearchTerms.ftsPhrase(term.text());
        return new Tier(words, words);
    }

    /**
     * A term inside words; a term of spaced words without parts of its own (shorter than three
     * letters, or several words: "ok", "e-mail") as those words, the last one at the start of a word.
     */
    private static Tier partsOfWords(SearchTerm term) {
        SearchParts.Phrase phrase = SearchParts.phrase(term.text());
        if (phrase == null) {
            String prefix = "words : (" + SearchTerms.ftsPhrase(term.text()) + " *)";
            return new Tier(prefix, prefix);
        }
        return new Tier("parts : (" + phrase.fts() + ")", "parts : (" + phrase.firstAndLast() + ")");
    }

    /**
     * True if any message of the store, whoever's, matches the FTS5 expression. Asking FTS5 for
     * many conversations costs a lookup per conversation and index segment, and an AND of terms
     * that never meet costs a walk through their lists: this finds out first, cheaply.
     */
    private static boolean anywhere(Handle handle, String match) {
        return handle.createQuery("SELECT rowid FROM messages_search WHERE messages_search MATCH :match"
                        + " ORDER BY rowid DESC LIMIT 1")
                .bind("match", match)
                .mapTo(Long.class)
                .findOne()
                .isPresent();
    }

    /**
     * Adds the caller's hits of the FTS5 expression {@code match} to the page, newest first. The
     * newest hits are most often in the conversations that were active last: FTS5 is first given
     * only the {@value #RECENT} conversations with the newest messages, for the messages newer
     * than the newest message of any other conversation (so no other conversation can have a
     * newer hit); only if they do not fill the page is it given every conversation, for the older
     * messages. Filtering by a conversation costs FTS5 a lookup per index segment. (A rowid range
     * does not shorten FTS5's walk to the first match, so where matches are rare, as in tier 2,
     * the two steps would cost twice: tier 2 takes every conversation at once.)
     */
    private static void collectRecentFirst(Handle handle, String match, String necessary, Caller caller,
                                           SearchQuery query, Page page, double score) {
        List<Conversation> conversations = caller.conversations();
        long upTo = Long.MAX_VALUE;
        if (conversations.size() > RECENT) {
            upTo = conversations.get(RECENT).newestRowid();
            read(handle, filter(conversations.subList(0, RECENT)) + " AND (" + match + ")", query, upTo,
                    Long.MAX_VALUE, page, score);
            if (page.full()) return;
        }
        collectAll(handle, match, necessary, conversations, query, page, score, upTo);
    }

    /**
     * Adds the hits of {@code match} in every one of {@code conversations} with a rowid at most
     * {@code upTo}, newest first, unless the cheaper {@code necessary} expression, which every hit
     * matches, has no match in the whole store.
     */
    private static void collectAll(Handle handle, String match, String necessary, List<Conversation> conversations,
                                   SearchQuery query, Page page, double score, long upTo) {
        if (conversations.size() > RECENT && !anywhere(handle, necessary)) return;
        read(handle, filter(conversations) + " AND (" + match + ")", query, -1, upTo, page, score);
    }

    /** Conversations as an FTS5 filter on the conversation column. */
    private static String filter(List<Conversation> conversations) {
        return "conversation : (" + conversations.stream()
                .map(c -> SearchTerms.ftsPhrase(SqliteSearchIndex.conversationToken(c.id())))
                .collect(Collectors.joining(" OR ")) + ")";
    }

    /**
     * Reads the matches with a rowid above {@code after} and at most {@code upTo}, newest first,
     * that meet the query's filters, and adds them to the page until it is full.
     */
    private static void read(Handle handle, String match, SearchQuery query, long after, long upTo, Page page,
                             double score) {
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("match", match);
        binds.put("after", after);
        binds.put("upTo", upTo);
        StringBuilder sql = new StringBuilder(512)
                .append("SELECT m.conversation_id AS conversation_id, m.id AS id, m.text AS text")
                .append(" FROM messages_search s CROSS JOIN messages m ON m.row_no = s.rowid")
                .append(" WHERE messages_search MATCH :match AND s.rowid > :after AND s.rowid <= :upTo");
        SearchConditions.appendFilters(sql, binds, query);
        sql.append(" ORDER BY s.rowid DESC LIMIT :limit");
        binds.put("limit", page.missing());
        handle.createQuery(sql.toString()).bindMap(binds).scanResultSet((rows, ctx) -> {
            try (ResultSet rs = rows.get()) {
                while (!page.full() && rs.next()) {
                    page.add(rs, score);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("search failed", e);
            }
            return null;
        });
    }

    /**
     * A conversation of the caller and the rowid of its newest message (0 without messages): the
     * one with the highest seq, since a conversation's messages are stored in seq order.
     */
    private record Conversation(String id, long newestRowid) {
    }

    /**
     * The conversations the caller may search (theirs, or the one asked for if it is theirs),
     * newest message first.
     */
    private record Caller(List<Conversation> conversations, Set<String> ids) {

        static Caller of(Handle handle, String userId, String onlyConversation) {
            var query = handle.createQuery("SELECT cm.conversation_id AS id, coalesce((SELECT m.row_no FROM messages m"
                            + " WHERE m.conversation_id = cm.conversation_id ORDER BY m.seq DESC LIMIT 1), 0) AS newest"
                            + " FROM conversation_members cm WHERE cm.user_id = :user"
                            + (onlyConversation == null ? "" : " AND cm.conversation_id = :conversation"))
                    .bind("user", userId);
            if (onlyConversation != null) query.bind("conversation", onlyConversation);
            List<Conversation> conversations = new ArrayList<>(query
                    .map((rs, ctx) -> new Conversation(rs.getString("id"), rs.getLong("newest"))).list());
            conversations.sort(Comparator.comparingLong(Conversation::newestRowid).reversed());
            return new Caller(List.copyOf(conversations),
                    conversations.stream().map(Conversation::id).collect(Collectors.toUnmodifiableSet()));
        }
    }

    /**
     * The requested page: hits after the first {@code offset}, at most {@code limit}, each in one
     * of the caller's conversations (FTS5 was asked for only those; this holds even if it erred).
     */
    private static final class Page {
        private final int offset;
        private final int limit;
        private final Set<String> conversationIds;
        private final List<Hit> hits = new ArrayList<>();
        private int skipped;

        Page(int offset, int limit, Set<String> conversationIds) {
            this.offset = offset;
            this.limit = limit;
            this.conversationIds = conversationIds;
        }

        boolean full() {
            return hits.size() == limit;
        }

        /** Hits still missing, counting those to skip. */
        int missing() {
            return offset - skipped + limit - hits.size();
        }

        void add(ResultSet rs, double score) throws SQLException {
            if (!conversationIds.contains(rs.getString("conversation_id"))) return;
            if (skipped < offset) {
                skipped++;
            } else {
                hits.add(new Hit(rs.getString("id"), rs.getString("text"), score));
            }
        }
    }

    /** A hit before its snippet is made. */
    private record Hit(String id, String text, double score) {
    }
}
