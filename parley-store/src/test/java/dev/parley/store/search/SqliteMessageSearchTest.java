package dev.parley.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How conversation ids become word-index tokens (the search itself: {@link SearchSqliteTest}). */
class SqliteMessageSearchTest {
    @Test
    void aGeneratedIdIsMatchedByItsUniquePartAlone() {
        assertThat(SqliteMessageSearch.conversationToken("c_01m8vknavq2gge101edsezr402"))
                .isEqualTo("\"01m8vknavq2gge101edsezr402\"");
    }

    @Test
    void anyOtherIdIsMatchedAsAPhraseOfAllItsTokens() {
        assertThat(SqliteMessageSearch.conversationToken("c-general")).isEqualTo("\"c-general\"");
        assertThat(SqliteMessageSearch.conversationToken("c_short")).isEqualTo("\"c_short\"");
        assertThat(SqliteMessageSearch.conversationToken("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }
}
