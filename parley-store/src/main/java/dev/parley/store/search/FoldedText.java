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
    /** Code points below this (Latin, Greek, Cyrillic, kana and Chinese …) are folded once and kept. */
    private static final int CACHED = 0xA000;
    /** Folded code points; a race only folds one twice (the strings are immutable). */
    private static final String[] CACHE = new String[CACHED];

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

    /** {@code value} folded ({@link #fold(int)} of every code point). */
    static String foldAll(String value) {
        StringBuilder folded = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            folded.append(fold(cp));
            i += Character.charCount(cp);
        }
        return folded.toString();
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

    /**
     * One code point folded: lower case, with the combining accents of its canonical decomposition
     * removed ("É" to "e", "й" to "и"; the same marks {@code parley_search_fold} removes on
     * PostgreSQL), recomposed (so Korean syllables and Japanese voiced kana stay whole).
     */
    static String fold(int cp) {
        if (cp < 0x80) return String.valueOf((char) Character.toLowerCase(cp));
        if (cp < CACHED) {
            String known = CACHE[cp];
            if (known == null) CACHE[cp] = known = foldUncached(cp);
            return known;
        }
        return foldUncached(cp);
    }

    private static String foldUncached(int cp) {
        String decomposed = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> !isAccent(c)).forEach(out::appendCodePoint);
        return Normalizer.normalize(out, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** The combining diacritical marks (U+0300-036F and their supplements and extensions). */
    static boolean isAccent(int cp) {
        return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF)
                || (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
    }
}
