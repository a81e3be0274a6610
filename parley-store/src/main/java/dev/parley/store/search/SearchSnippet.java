package dev.parley.store.search;

import dev.parley.core.search.SearchHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the plain-text snippet of a found message: up to {@link #MAX_LENGTH} characters around
 * the first match, every match wrapped in {@link SearchHit#HIGHLIGHT_START} and
 * {@link SearchHit#HIGHLIGHT_END}, and "…" where the text was cut. Matching ignores case and
 * accents and follows the search: terms match inside words, except short terms of spaced
 * scripts, which match at the start of a word. Whitespace runs become one space; control
 * characters (including stray highlight markers in the message) are removed. Immutable and
 * thread-safe once built for a query.
 */
public final class SearchSnippet {
    /** The longest snippet, not counting the "…" marks. */
    public static final int MAX_LENGTH = 160;
    /** How much text is kept before the first match when the text must be cut. */
    private static final int LEAD = 40;
    /** How far the cut may move to land between words. */
    private static final int WORD_SLACK = 20;
    private static final String ELLIPSIS = "…";
    private static final String SEPARATOR = "[^\\p{L}\\p{N}]+";
    private static final String NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}])";

    private final List<Pattern> patterns;

    public SearchSnippet(List<SearchTerm> terms) {
        List<Pattern> compiled = new ArrayList<>();
        for (SearchTerm term : terms) {
            String pattern = patternOf(term);
            if (pattern != null) compiled.add(Pattern.compile(pattern));
        }
        this.patterns = List.copyOf(compiled);
    }

    /** The snippet of {@code text} (empty for a null text). */
    public String of(String text) {
        String clean = clean(text == null ? "" : text);
        List<int[]> matches = matches(clean);
        int length = clean.length();
        int start = 0;
        int end = length;
        if (length > MAX_LENGTH) {
            int anchor = matches.isEmpty() ? 0 : matches.getFirst()[0];
            int anchorEnd = matches.isEmpty() ? 0 : matches.getFirst()[1];
            start = Math.max(0, anchor - LEAD);
            end = Math.min(length, start + MAX_LENGTH);
            start = Math.max(0, end - MAX_LENGTH);
            if (start > 0) {
                int space = clean.indexOf(' ', start);
                if (space >= 0 && space < anchor && space - start < WORD_SLACK) start = space + 1;
            }
            if (end < length) {
                int space = clean.lastIndexOf(' ', end);
                if (space > anchorEnd && end - space < WORD_SLACK) end = space;
            }
            if (start > 0 && Character.isLowSurrogate(clean.charAt(start))) start++;
            if (end < length && Character.isLowSurrogate(clean.charAt(end))) end--;
        }
        return render(clean, matches, start, end);
    }

    private static String render(String clean, List<int[]> matches, int start, int end) {
        StringBuilder out = new StringBuilder(end - start + 8);
        if (start > 0) out.append(ELLIPSIS);
        int at = start;
        for (int[] match : matches) {
            int from = Math.max(match[0], at);
            int to = Math.min(match[1], end);
            if (from >= to) continue;
            out.append(clean, at, from).append(SearchHit.HIGHLIGHT_START)
                    .append(clean, from, to).append(SearchHit.HIGHLIGHT_END);
            at = to;
        }
        out.append(clean, at, end);
        if (end < clean.length()) out.append(ELLIPSIS);
        return out.toString();
    }

    /** Every match of every term, as [start, end) ranges of {@code clean}, sorted and merged. */
    private List<int[]> matches(String clean) {
        if (patterns.isEmpty() || clean.isEmpty()) return List.of();
        FoldedText folded = FoldedText.of(clean);
        List<int[]> found = new ArrayList<>();
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(folded.folded());
            while (matcher.find()) {
                found.add(new int[] {folded.originalStart(matcher.start()), folded.originalEnd(matcher.end())});
            }
        }
        found.sort(Comparator.comparingInt((int[] range) -> range[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] range : found) {
            int[] last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && range[0] <= last[1]) {
                last[1] = Math.max(last[1], range[1]);
            } else {
                merged.add(range);
            }
        }
        return merged;
    }

    private static String patternOf(SearchTerm term) {
        List<String> tokens = new ArrayList<>();
        for (String token : FoldedText.foldAll(term.text()).split(SEPARATOR)) {
            if (!token.isEmpty()) tokens.add(Pattern.quote(token));
        }
        if (tokens.isEmpty()) return null;
        String phrase = String.join(SEPARATOR, tokens);
        return term.kind() == SearchTerm.Kind.WORD_PREFIX ? NOT_AFTER_WORD + phrase : phrase;
    }

    /** Removes control characters and collapses whitespace runs into one space. */
    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = true;
            } else if (!Character.isISOControl(cp)) {
                if (space && !out.isEmpty()) out.append(' ');
                space = false;
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }
}
