package dev.parley.store.search;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A text folded for matching (lower case, accents removed) that remembers, for every folded
 * character, the range of the original text it came from, so a match found in the folded text
 * can be highlighted in the original. Immutable.
 */
final class FoldedText {
    private final String original;
    private final String folded;
    private final int[] starts;
    private final int[] ends;

    private FoldedText(String original, String folded, int[] starts, int[] ends) {
        this.original = original;
        this.folded = folded;
        this.starts = starts;
        this.ends = ends;
    }

    static FoldedText of(String original) {
        StringBuilder folded = new StringBuilder(original.length());
        int[] starts = new int[original.length() * 2 + 4];
        int[] ends = new int[starts.length];
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            String piece = fold(cp);
            for (int k = 0; k < piece.length(); k++) {
                if (folded.length() == starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                    ends = Arrays.copyOf(ends, ends.length * 2);
                }
                starts[folded.length()] = i;
                ends[folded.length()] = next;
                folded.append(piece.charAt(k));
            }
            i = next;
        }
        return new FoldedText(original, folded.toString(), starts, ends);
    }

    /** {@code value} lower-cased with its accents (non-spacing marks) removed. */
    static String foldAll(String value) {
        return of(value).folded;
    }

    String folded() {
        return folded;
    }

    /** Where the folded character at {@code foldedStart} begins in the original text. */
    int originalStart(int foldedStart) {
        return starts[foldedStart];
    }

    /**
     * Where the folded range ending (exclusive) at {@code foldedEnd} ends in the original text,
     * including accents that follow it, so a highlight never separates a letter from its accent.
     */
    int originalEnd(int foldedEnd) {
        int end = ends[foldedEnd - 1];
        while (end < original.length() && SearchTerms.isMark(original.codePointAt(end))) {
            end += Character.charCount(original.codePointAt(end));
        }
        return end;
    }

    private static String fold(int cp) {
        if (cp < 0x80) return String.valueOf((char) Character.toLowerCase(cp));
        String decomposed = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
