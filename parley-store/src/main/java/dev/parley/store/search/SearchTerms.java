package dev.parley.store.search;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns untrusted query text into {@link SearchTerm}s and renders them safely for each index.
 * Query syntax is never passed through: every term is quoted (FTS5), escaped (LIKE) or checked to
 * hold only letters and digits (tsquery prefix), so characters such as {@code " * ( : ^ % _}
 * cannot break or change a query. Thread-safe (stateless).
 */
public final class SearchTerms {
    /** Terms beyond this count are ignored; they would only narrow an already narrow query. */
    public static final int MAX_TERMS = 32;

    private static final int TRIGRAM_LENGTH = 3;
    private static final Set<UnicodeScript> UNSPACED_SCRIPTS = EnumSet.of(UnicodeScript.HAN,
            UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA, UnicodeScript.HANGUL, UnicodeScript.BOPOMOFO,
            UnicodeScript.THAI, UnicodeScript.LAO, UnicodeScript.KHMER, UnicodeScript.MYANMAR,
            UnicodeScript.TIBETAN, UnicodeScript.YI);

    private SearchTerms() {
    }

    /**
     * Splits {@code query} on whitespace and control characters, trims each piece of leading and
     * trailing punctuation and drops pieces without a letter or digit and repeats. Empty when
     * nothing searchable is left (or {@code query} is null).
     */
    public static List<SearchTerm> parse(String query) {
        if (query == null) return List.of();
        String normal = Normalizer.normalize(query, Normalizer.Form.NFC);
        Set<String> seen = new LinkedHashSet<>();
        List<SearchTerm> terms = new ArrayList<>();
        int pieceStart = -1;
        for (int i = 0; i <= normal.length() && terms.size() < MAX_TERMS; ) {
            int cp = i < normal.length() ? normal.codePointAt(i) : ' ';
            boolean separator = Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp);
            if (separator && pieceStart >= 0) {
                String text = trim(normal.substring(pieceStart, i));
                if (!text.isEmpty() && seen.add(text)) terms.add(new SearchTerm(text, kindOf(text)));
                pieceStart = -1;
            } else if (!separator && pieceStart < 0) {
                pieceStart = i;
            }
            i += Character.charCount(cp);
        }
        return List.copyOf(terms);
    }

    /** The term as one FTS5 phrase: a double-quoted string, inner quotes doubled. */
    public static String ftsPhrase(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** The escape character of {@link #likeContaining} patterns ({@code ESCAPE '!'}). */
    public static final char LIKE_ESCAPE = '!';

    /**
     * A LIKE pattern matching {@code text} anywhere, escaped with {@link #LIKE_ESCAPE} (not a
     * backslash, which JDBI's SQL parser would take as its own escape).
     */
    public static String likeContaining(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4).append('%');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == LIKE_ESCAPE || c == '%' || c == '_') out.append(LIKE_ESCAPE);
            out.append(c);
        }
        return out.append('%').toString();
    }

    /** True for letters, digits and private-use characters: what the word indexes keep as tokens. */
    static boolean isTokenChar(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }

    /** True for the scripts written without spaces between words (Chinese, Japanese, Thai …). */
    static boolean isUnspaced(UnicodeScript script) {
        return UNSPACED_SCRIPTS.contains(script);
    }

    static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Drops leading characters that are not tokens, and trailing ones that are neither tokens nor marks. */
    private static String trim(String piece) {
        int start = 0;
        while (start < piece.length() && !isTokenChar(piece.codePointAt(start))) {
            start += Character.charCount(piece.codePointAt(start));
        }
        int end = piece.length();
        while (end > start) {
            int cp = piece.codePointBefore(end);
            if (isTokenChar(cp) || isMark(cp)) break;
            end -= Character.charCount(cp);
        }
        return piece.substring(start, end);
    }

    private static SearchTerm.Kind kindOf(String text) {
        if (text.codePointCount(0, text.length()) >= TRIGRAM_LENGTH) return SearchTerm.Kind.TRIGRAM;
        boolean wordChars = text.codePoints().allMatch(cp -> isTokenChar(cp) || isMark(cp));
        boolean unspaced = text.codePoints().anyMatch(cp -> UNSPACED_SCRIPTS.contains(UnicodeScript.of(cp)));
        return wordChars && !unspaced ? SearchTerm.Kind.WORD_PREFIX : SearchTerm.Kind.SHORT_SUBSTRING;
    }
}
