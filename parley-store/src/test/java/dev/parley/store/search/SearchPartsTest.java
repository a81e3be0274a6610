package dev.parley.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What SQLite's index holds of a text and what a term asks it for (the search itself: {@link SearchSqliteTest}). */
class SearchPartsTest {
    private static final String M = String.valueOf(SearchParts.MARK);

    @Test
    void wordsLongerThanThreeLettersGiveEveryWindowOfThreeFolded() {
        assertThat(parts("Meeting at the Café-Bar")).isEqualTo("mee eet eti tin ing caf afe");
        assertThat(parts("Réunion prévue")).isEqualTo("reu eun uni nio ion pre rev evu vue");
        assertThat(parts("Встреча")).isEqualTo("вст стр тре реч еча");
        assertThat(parts("invoice-2041")).isEqualTo("inv nvo voi oic ice 204 041");
    }

    @Test
    void unspacedScriptsGiveEveryWindowOfTwoAndTheLastCharacter() {
        assertThat(parts("今天天气很好")).isEqualTo("今天 天天 天气 气很 很好 好");
        assertThat(parts("会議。明日")).isEqualTo("会議 議 明日 日");
        assertThat(parts("好")).isEqualTo("好");
        // The long-vowel mark has no script of its own: it stays inside the katakana word.
        assertThat(parts("ラーメン")).isEqualTo("ラー ーメ メン ン");
        // Voiced kana keep their mark; a Korean syllable stays one character.
        assertThat(parts("がか")).isEqualTo("がか か");
        assertThat(parts("회의")).isEqualTo("회의 의");
    }

    @Test
    void aRunSplitsWhereTheScriptChanges() {
        assertThat(parts("Slackで確認")).isEqualTo("sla lac ack で確 確認 認");
        assertThat(parts("会議2041")).isEqualTo("会議 議 204 041");
    }

    @Test
    void everyPartStartsWithTheMarkSoNoPartIsAWord() {
        assertThat(SearchParts.parts("meeting")).startsWith(M + "mee ").contains(" " + M + "ing");
        assertThat(SearchParts.parts("ok")).isEmpty();
    }

    @Test
    void theWordsColumnKeepsSpacedScriptsAndBlanksUnspacedOnes() {
        assertThat(SearchParts.words("Slackで確認 please")).isEqualTo("Slack    please");
        assertThat(SearchParts.words("Café, déjà vu!")).isEqualTo("Café, déjà vu!");
        assertThat(SearchParts.words("ラーメン")).isBlank();
    }

    @Test
    void aTermAsksForItsPartsInOrder() {
        assertThat(phrase("eting")).isEqualTo("\"eti tin ing\"");
        assertThat(phrase("中文")).isEqualTo("\"中文\"");
        assertThat(phrase("会議明日")).isEqualTo("\"会議 議明 明日\"");
        assertThat(phrase("und")).isEqualTo("\"und\"");
    }

    @Test
    void aTermEndingInOneUnspacedCharacterEndsWithAPrefix() {
        assertThat(phrase("好")).isEqualTo("\"好\" *");
        assertThat(phrase("Slackで")).isEqualTo("\"sla lac ack で\" *");
    }

    @Test
    void insideATermAnUnspacedSegmentEndsWithItsLastCharacter() {
        assertThat(phrase("会議2041")).isEqualTo("\"会議 議 204 041\"");
        assertThat(phrase("議2041")).isEqualTo("\"議 204 041\"");
    }

    @Test
    void termsOfSpacedWordsOnlyThatAreNotOneLongWordHaveNoParts() {
        assertThat(SearchParts.phrase("ok")).isNull();
        assertThat(SearchParts.phrase("e-mail")).isNull();
        assertThat(SearchParts.phrase("state-of-the-art")).isNull();
    }

    @Test
    void shortSpacedSegmentsOfMixedTermsGiveNothing() {
        assertThat(phrase("abc会議")).isEqualTo("\"会議\"");
        assertThat(phrase("ok会議def")).isEqualTo("\"会議 議\"");
    }

    @Test
    void theCheapConditionIsTheFirstAndTheLastPart() {
        assertThat(SearchParts.phrase("latency").firstAndLast().replace(M, ""))
                .isEqualTo("\"lat\" AND \"ncy\"");
        assertThat(SearchParts.phrase("中文").firstAndLast().replace(M, "")).isEqualTo("\"中文\"");
        assertThat(SearchParts.phrase("好").firstAndLast().replace(M, "")).isEqualTo("\"好\" *");
    }

    @Test
    void messagesHoldTheTermsPartsAtConsecutivePositions() {
        for (List<String> textAndTerm : List.of(
                List.of("Ich habe deine Freundschaftsanfrage erhalten", "anfrage"),
                List.of("明日は東京で会議があります", "会議"),
                List.of("明日は東京で会議があります", "で会"),
                List.of("ラーメンを食べたい", "ーメン"),
                List.of("Slackで確認してください", "slackで確"),
                List.of("請求書2041号", "書2041"))) {
            List<String> held = List.of(parts(textAndTerm.get(0)).split(" "));
            SearchParts.Phrase phrase = SearchParts.phrase(textAndTerm.get(1));
            List<String> asked = phrase.tokens().stream().map(token -> token.replace(M, "")).toList();
            assertThat(containsInOrder(held, asked, phrase.prefix())).as(textAndTerm.toString()).isTrue();
        }
    }

    private static boolean containsInOrder(List<String> held, List<String> asked, boolean lastIsPrefix) {
        for (int start = 0; start + asked.size() <= held.size(); start++) {
            boolean all = true;
            for (int i = 0; i < asked.size() && all; i++) {
                String token = held.get(start + i);
                boolean last = i == asked.size() - 1;
                all = last && lastIsPrefix ? token.startsWith(asked.get(i)) : token.equals(asked.get(i));
            }
            if (all) return true;
        }
        return false;
    }

    private static String parts(String text) {
        return SearchParts.parts(text).replace(M, "");
    }

    private static String phrase(String term) {
        return SearchParts.phrase(term).fts().replace(M, "");
    }
}
