package dev.parley.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.store.search.SearchTerm.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTermsTest {
    @Test
    void splitsOnAnyWhitespaceAndControlCharacters() {
        assertThat(texts("  quarterly\treport\nQ3\u3000数据\u0000end  ")).containsExactly("quarterly", "report", "Q3", "数据", "end");
    }

    @Test
    void trimsPunctuationButKeepsItInsideTerms() {
        assertThat(texts("\"foo OR NEAR( (bar) e-mail state-of-the-art 100% l'été... ¿qué?"))
                .containsExactly("foo", "OR", "NEAR", "bar", "e-mail", "state-of-the-art", "100", "l'été", "qué");
    }

    @Test
    void dropsTermsWithoutLettersOrDigitsAndRepeats() {
        assertThat(SearchTerms.parse("* \" ((( -- %_% 👍 !!!")).isEmpty();
        assertThat(SearchTerms.parse(null)).isEmpty();
        assertThat(texts("cat cat \"cat\" Cat")).containsExactly("cat", "Cat");
    }

    @Test
    void composesAccentsSoDecomposedInputMatchesComposedText() {
        assertThat(texts("cafe\u0301")).containsExactly("café");
    }

    @Test
    void choosesHowEachTermIsMatchedAsASubstring() {
        assertThat(SearchTerms.parse("freund e-m ok é 7 中文 好 タワ 東京タワー"))
                .extracting(SearchTerm::kind)
                .containsExactly(Kind.TRIGRAM, Kind.TRIGRAM, Kind.WORD_PREFIX, Kind.WORD_PREFIX, Kind.WORD_PREFIX,
                        Kind.SHORT_SUBSTRING, Kind.SHORT_SUBSTRING, Kind.SHORT_SUBSTRING, Kind.TRIGRAM);
    }

    @Test
    void keepsAtMostMaxTerms() {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < SearchTerms.MAX_TERMS + 5; i++) query.append("term").append(i).append(' ');
        assertThat(SearchTerms.parse(query.toString())).hasSize(SearchTerms.MAX_TERMS);
    }

    @Test
    void quotesFtsPhrasesAndEscapesLikePatterns() {
        assertThat(SearchTerms.ftsPhrase("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(SearchTerms.ftsPhrase("NEAR(")).isEqualTo("\"NEAR(\"");
        assertThat(SearchTerms.likeContaining("100%_!x")).isEqualTo("%100!%!_!!x%");
        assertThat(SearchTerms.likeContaining("\\")).isEqualTo("%\\%");
    }

    private static List<String> texts(String query) {
        return SearchTerms.parse(query).stream().map(SearchTerm::text).toList();
    }
}
