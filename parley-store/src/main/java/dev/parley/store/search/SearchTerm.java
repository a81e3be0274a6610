package dev.parley.store.search;

/**
 * One whitespace-separated term of a search query, trimmed of punctuation at both ends, with the
 * way the substring search can match it.
 *
 * @param text the term as typed (NFC), never empty, always containing a letter or digit
 * @param kind how the substring search matches it
 */
public record SearchTerm(String text, Kind kind) {

    /**
     * How PostgreSQL matches a term as a substring, and how its snippet highlights it (every kind
     * also matches as whole words; SQLite decides by {@link SearchParts}).
     */
    public enum Kind {
        /** Three or more characters: found anywhere inside a word through the trigram index. */
        TRIGRAM,
        /**
         * Fewer than three characters of a script written without spaces (Chinese, Japanese,
         * Thai …) or with inner punctuation: too short for trigrams, found by a substring scan of
         * the caller's conversations.
         */
        SHORT_SUBSTRING,
        /** Fewer than three letters or digits of a spaced script: found as the start of a word. */
        WORD_PREFIX
    }
}
