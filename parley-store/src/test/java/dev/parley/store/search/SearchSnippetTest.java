package dev.parley.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchSnippetTest {
    private static final char S = '\u0002';
    private static final char E = '\u0003';

    @Test
    void keepsShortTextsWholeAndMarksEveryMatch() {
        assertThat(snippet("deploy friday", "We deploy on Friday, then deploy again"))
                .isEqualTo("We " + S + "deploy" + E + " on " + S + "Friday" + E + ", then " + S + "deploy" + E + " again");
    }

    @Test
    void ignoresCaseAndAccentsAndKeepsTheOriginalLetters() {
        assertThat(snippet("CAFE", "Un Café au lait")).isEqualTo("Un " + S + "Café" + E + " au lait");
        assertThat(snippet("résumé", "my RESUME")).isEqualTo("my " + S + "RESUME" + E);
        assertThat(snippet("cafe", "un cafe\u0301 noir")).isEqualTo("un " + S + "cafe\u0301" + E + " noir");
    }

    @Test
    void marksPartsOfWordsButShortTermsOnlyAtTheStartOfAWord() {
        assertThat(snippet("freund", "Deine Freundschaftsanfrage")).isEqualTo("Deine " + S + "Freund" + E + "schaftsanfrage");
        assertThat(snippet("ok", "book okay ok")).isEqualTo("book " + S + "ok" + E + "ay " + S + "ok" + E);
        assertThat(snippet("中文", "我喜欢学习中文")).isEqualTo("我喜欢学习" + S + "中文" + E);
    }

    @Test
    void marksHyphenatedTermsSpelledEitherWayAndMergesOverlaps() {
        assertThat(snippet("e-mail", "an E-Mail or e mail")).isEqualTo("an " + S + "E-Mail" + E + " or " + S + "e mail" + E);
        assertThat(snippet("freunds schaft", "Freundschaft")).isEqualTo(S + "Freundschaft" + E);
    }

    @Test
    void cutsLongTextsAroundTheFirstMatchBetweenWords() {
        String before = "alpha beta gamma delta ".repeat(10);
        String after = " epsilon zeta eta theta".repeat(10);
        String snippet = snippet("needle", before + "needle" + after);

        assertThat(snippet).startsWith("…").endsWith("…").contains(S + "needle" + E);
        assertThat(snippet.length()).isLessThanOrEqualTo(SearchSnippet.MAX_LENGTH + 4);
        assertThat(snippet.substring(1, 2)).isNotBlank();
        String body = snippet.substring(1, snippet.length() - 1).replace(String.valueOf(S), "").replace(String.valueOf(E), "");
        assertThat(before + "needle" + after).contains(body);
        assertThat(snippet.indexOf(S)).isBetween(20, 60);
    }

    @Test
    void cutsOnlyWhereTheTextContinues() {
        String filler = "word ".repeat(60);
        String atStart = snippet("needle", "needle " + filler);
        String atEnd = snippet("needle", filler + "needle");

        assertThat(atStart).startsWith(S + "needle" + E).endsWith("…");
        assertThat(atEnd).startsWith("…").endsWith(S + "needle" + E);
        assertThat(atEnd.length()).isLessThanOrEqualTo(SearchSnippet.MAX_LENGTH + 3);
    }

    @Test
    void startsAtTheBeginningWhenNothingMatches() {
        String text = "x".repeat(300);
        assertThat(snippet("zzz", text)).isEqualTo("x".repeat(SearchSnippet.MAX_LENGTH) + "…");
    }

    @Test
    void removesControlCharactersAndStrayMarkersAndCollapsesWhitespace() {
        assertThat(snippet("needle", "  fake " + S + "mark" + E + "\n\n\tthe\u0000 needle \r\n"))
                .isEqualTo("fake mark the " + S + "needle" + E);
        assertThat(new SearchSnippet(SearchTerms.parse("x")).of(null)).isEmpty();
    }

    @Test
    void neverSplitsSurrogatePairs() {
        String emoji = "😀";
        String text = emoji.repeat(100) + " needle " + emoji.repeat(100);
        String snippet = snippet("needle", text);
        String body = snippet.substring(1, snippet.length() - 1);
        assertThat(Character.isLowSurrogate(body.charAt(0))).isFalse();
        assertThat(Character.isHighSurrogate(body.charAt(body.length() - 1))).isFalse();
        assertThat(snippet).contains(S + "needle" + E);
    }

    private static String snippet(String query, String text) {
        return new SearchSnippet(SearchTerms.parse(query)).of(text);
    }
}
