package dev.parley.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How conversation ids become tokens of the index's conversation column (the search itself: {@link SearchSqliteTest}). */
class SqliteSearchIndexTest {
    @Test
    void aConversationIdIsOneTokenOfHexDigits() {
        assertThat(SqliteSearchIndex.conversationToken("c_01m8vknavq2gge101edsezr402"))
                .isEqualTo("c635f30316d38766b6e61767132676765313031656473657a72343032");
        assertThat(SqliteSearchIndex.conversationToken("c-general")).isEqualTo("c632d67656e6572616c");
    }

    @Test
    void idsThatTheTokenizerWouldSplitOrFoldTheSameStayApart() {
        assertThat(SqliteSearchIndex.conversationToken("c-general"))
                .isNotEqualTo(SqliteSearchIndex.conversationToken("c general"))
                .isNotEqualTo(SqliteSearchIndex.conversationToken("C-General"));
        assertThat(SqliteSearchIndex.conversationToken("say \"hi\"")).matches("c[0-9a-f]+");
    }
}
