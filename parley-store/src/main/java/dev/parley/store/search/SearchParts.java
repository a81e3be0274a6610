package dev.parley.store.search;

import java.util.ArrayList;
import java.util.List;

/**
 * How SQLite's search index (migration {@code sqlite/V6}) sees a text, computed by the same rules for
 * a message when it is indexed and for a query term when it is searched, so both always agree.
 *
 * <p>The text is folded (lower case, accents removed, as {@link FoldedText}) and cut into runs of
 * letters and digits; a run is split where it changes between a script written without spaces
 * (Chinese, Japanese, Thai … : {@link SearchTerms#isUnspaced}) and any other. Letters of no script
 * of their own (the Japanese long-vowel mark ー) belong to the segment they are in. Each segment
 * gives <em>parts</em>, tokens the word tokenizer keeps whole:
 * <ul>
 *   <li>a segment of a spaced script longer than three characters: every 3-character window
 *       ("meeting": mee eet eti tin ing). Shorter segments give none: they are whole words, found
 *       through the words column, and a three-letter word's one window would be the word itself
 *       (the most frequent words, "und", "the", would make the longest lists of the index);</li>
 *   <li>a segment of an unspaced script: every 2-character window, then its last character
 *       ("会議室": 会議 議室 室).</li>
 * </ul>
 * A piece of text is then found as the phrase of its own parts: consecutive windows. Two
 * characters of Chinese are one token, one character is the prefix of a token (the windows that
 * start with it, or a segment's last character). Thread-safe (stateless).
 */
public final class SearchParts {
    /**
     * The first character of every part: a private-use character, which the tokenizer keeps as a
     * letter, so a part never shares a token (and its list of rows) with a word of the text: a
     * search for the word "und" does not read the rows of every "Freund".
     */
    static final char MARK = '\uE000';
    /** The length of the parts of spaced words. */
    private static final int WORD_PART = 3;
    private static final int SPACED = 1;
    private static final int UNSPACED = 2;

    private SearchParts() {
    }

    /**
     * The text for the index's words column: {@code text} itself, with the characters of unspaced
     * segments replaced by spaces (a sentence of Chinese would otherwise be one long word).
     */
    public static String words(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int current = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (SearchTerms.isMark(cp)) {
                out.appendCodePoint(current == UNSPACED ? ' ' : cp);
                continue;
            }
            if (!SearchTerms.isTokenChar(cp)) {
                current = 0;
                out.appendCodePoint(cp);
                continue;
            }
            current = classOf(cp, current);
            out.appendCodePoint(current == UNSPACED ? ' ' : cp);
        }
        return out.toString();
    }

    /** True if {@code text} has a letter of a script written without spaces. */
    public static boolean hasUnspaced(String text) {
        return segments(text).stream().anyMatch(Segment::unspaced);
    }

    /** The text for the index's parts column: every part of every segment, separated by spaces. */
    public static String parts(String text) {
        StringBuilder out = new StringBuilder(text.length() * 4);
        for (Segment segment : segments(text)) {
            int[] cps = segment.codePoints();
            if (segment.unspaced()) {
                for (int i = 0; i + 1 < cps.length; i++) append(out, cps, i, 2);
                append(out, cps, cps.length - 1, 1);
            } else if (cps.length > WORD_PART) {
                for (int i = 0; i + WORD_PART <= cps.length; i++) append(out, cps, i, WORD_PART);
            }
        }
        return out.toString();
    }

    /**
     * The parts of {@code term} in the order a message holds them: every message that contains the
     * term (folded) holds these tokens at consecutive positions, the last one possibly as a prefix
     * of the message's token. Null when the term is only words of spaced scripts and is not one
     * word of at least three characters: such a term ("ok", "e-mail") is matched through the words
     * column. In a term that mixes scripts ("Slackで"), spaced segments of three characters or
     * fewer give nothing (the message may hold them as whole words, which have no parts): they
     * neither miss a message nor narrow the match.
     */
    public static Phrase phrase(String term) {
        List<Segment> segments = segments(term);
        boolean spacedOnly = segments.stream().noneMatch(Segment::unspaced);
        if (spacedOnly && segments.size() != 1) return null;
        List<String> tokens = new ArrayList<>();
        boolean prefix = false;
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            int[] cps = segment.codePoints();
            boolean last = s == segments.size() - 1;
            if (segment.unspaced()) {
                for (int i = 0; i + 1 < cps.length; i++) tokens.add(token(cps, i, 2));
                // Inside the term, the segment ends here in the message too, with its last character.
                if (!last) {
                    tokens.add(token(cps, cps.length - 1, 1));
                } else if (cps.length == 1) {
                    tokens.add(token(cps, 0, 1));
                    prefix = true;
                }
            } else if (cps.length > WORD_PART || (cps.length == WORD_PART && segments.size() == 1)) {
                for (int i = 0; i + WORD_PART <= cps.length; i++) tokens.add(token(cps, i, WORD_PART));
            }
        }
        return tokens.isEmpty() ? null : new Phrase(List.copyOf(tokens), prefix);
    }

    /** A term's parts: tokens at consecutive positions, the last a prefix if {@code prefix}. */
    public record Phrase(List<String> tokens, boolean prefix) {

        /** The FTS5 phrase. */
        public String fts() {
            return SearchTerms.ftsPhrase(String.join(" ", tokens)) + (prefix ? " *" : "");
        }

        /**
         * An FTS5 expression every match of the phrase also matches, much cheaper to rule out:
         * its first and last tokens, anywhere.
         */
        public String firstAndLast() {
            String last = SearchTerms.ftsPhrase(tokens.getLast()) + (prefix ? " *" : "");
            if (tokens.size() == 1) return last;
            return SearchTerms.ftsPhrase(tokens.getFirst()) + " AND " + last;
        }
    }

    private static void append(StringBuilder out, int[] cps, int from, int count) {
        if (!out.isEmpty()) out.append(' ');
        out.append(token(cps, from, count));
    }

    private static String token(int[] cps, int from, int count) {
        StringBuilder token = new StringBuilder(count * 2 + 1).append(MARK);
        for (int i = from; i < from + count; i++) token.appendCodePoint(cps[i]);
        return token.toString();
    }

    /** One segment of folded letters and digits, all of one kind of script. */
    record Segment(boolean unspaced, int[] codePoints) {
    }

    /** The segments of {@code text}, in order. */
    static List<Segment> segments(String text) {
        String folded = FoldedText.foldAll(text);
        List<Segment> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int kind = 0;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (SearchTerms.isMark(cp)) continue;
            int next = SearchTerms.isTokenChar(cp) ? classOf(cp, kind) : 0;
            if (next != kind && !current.isEmpty()) {
                segments.add(new Segment(kind == UNSPACED, current.codePoints().toArray()));
                current.setLength(0);
            }
            kind = next;
            if (next != 0) current.appendCodePoint(cp);
        }
        if (!current.isEmpty()) segments.add(new Segment(kind == UNSPACED, current.codePoints().toArray()));
        return segments;
    }

    /** SPACED or UNSPACED for a letter or digit, given the kind of the segment it follows (0: none). */
    private static int classOf(int cp, int current) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (SearchTerms.isUnspaced(script)) return UNSPACED;
        boolean joins = (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED)
                && Character.isLetter(cp);
        if (joins) return current == 0 ? UNSPACED : current;
        return SPACED;
    }
}
