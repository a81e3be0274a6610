package dev.parley.server.api;

import dev.parley.server.http.QueryParams;

import static dev.parley.server.http.QueryParamsTest.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.Limits;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.error.FieldError;
import dev.parley.core.error.ParleyException;
import dev.parley.core.message.HistoryQuery;
import dev.parley.core.message.MessageType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The query strings of the list, history and search routes, parsed without a server. */
class RouteQueriesTest {

    @Test
    void conversationListQueryMapsEveryFilter() {
        var query = ConversationRoutes.ListQuery.parse(params("kind", "group", "courseId", "c-1", "archived", "true",
                "pinned", "false", "q", "math", "includeHidden", "true", "cursor", "abc", "limit", "10"));
        assertThat(query.filter().kind()).isEqualTo(ConversationKind.GROUP);
        assertThat(query.filter().courseId()).isEqualTo("c-1");
        assertThat(query.filter().archived()).isTrue();
        assertThat(query.filter().pinned()).isFalse();
        assertThat(query.filter().titleQuery()).isEqualTo("math");
        assertThat(query.filter().includeHidden()).isTrue();
        assertThat(query.cursor()).isEqualTo("abc");
        assertThat(query.limit()).isEqualTo(10);
    }

    @Test
    void conversationListQueryWithoutParametersFiltersNothing() {
        var query = ConversationRoutes.ListQuery.parse(params());
        assertThat(query.filter()).isEqualTo(dev.parley.core.conversation.ConversationFilter.ALL);
        assertThat(query.cursor()).isNull();
        assertThat(query.limit()).isNull();
    }

    @Test
    void conversationListQueryReportsEveryBadParameterAtOnce() {
        assertThatThrownBy(() -> ConversationRoutes.ListQuery.parse(params("kind", "foo", "archived", "maybe",
                "limit", "lots")))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.details()).containsExactly(
                        new FieldError("kind", "must be one of direct, group, course, announcement"),
                        new FieldError("archived", "must be true or false"),
                        new FieldError("limit", "must be a whole number")));
    }

    @Test
    void historyQueryDefaultsToTheNewestPageOfTheDefaultSize() {
        HistoryQuery query = MessageRoutes.parseHistory(params(), Limits.DEFAULTS);
        assertThat(query).isEqualTo(HistoryQuery.newest(Limits.DEFAULTS.defaultPageSize()));
    }

    @Test
    void historyQueryMapsAnchorsThreadAndFlags() {
        HistoryQuery query = MessageRoutes.parseHistory(params("before", "42", "thread", "m_root", "limit", "7",
                "markRead", "true"), Limits.DEFAULTS);
        assertThat(query).isEqualTo(new HistoryQuery(42L, null, null, false, "m_root", 7, true));
        HistoryQuery around = MessageRoutes.parseHistory(params("around", "m_1", "firstUnread", "false"), Limits.DEFAULTS);
        assertThat(around.aroundMessageId()).isEqualTo("m_1");
        assertThat(around.firstUnread()).isFalse();
        assertThat(MessageRoutes.parseHistory(params("after", "0", "firstUnread", "true"), Limits.DEFAULTS).afterSeq())
                .isZero();
    }

    @Test
    void historyQueryRefusesALimitOutsideThePageRange() {
        for (String limit : new String[] {"0", "-1", "101"}) {
            assertThatThrownBy(() -> MessageRoutes.parseHistory(params("limit", limit), Limits.DEFAULTS))
                    .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.details())
                            .containsExactly(new FieldError("limit", "must be between 1 and 100")));
        }
    }

    @Test
    void historyQueryRefusesNonNumericSeqs() {
        assertThatThrownBy(() -> MessageRoutes.parseHistory(params("before", "abc", "markRead", "yes"), Limits.DEFAULTS))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.details()).containsExactly(
                        new FieldError("before", "must be a whole number"),
                        new FieldError("markRead", "must be true or false")));
    }

    @Test
    void searchQueryMapsFilters() {
        var request = SearchRoutes.SearchRequest.parse(params("q", "hello", "conversationId", "c_1", "senderId", "u_1",
                "type", "file", "from", "2026-01-01T00:00:00Z", "to", "2026-02-01T00:00:00Z", "cursor", "x",
                "limit", "5"));
        assertThat(request.query().text()).isEqualTo("hello");
        assertThat(request.query().conversationId()).isEqualTo("c_1");
        assertThat(request.query().senderId()).isEqualTo("u_1");
        assertThat(request.query().type()).isEqualTo(MessageType.FILE);
        assertThat(request.query().from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(request.query().to()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(request.cursor()).isEqualTo("x");
        assertThat(request.limit()).isEqualTo(5);
    }

    @Test
    void searchQueryRefusesBadTimesTypesAndLimits() {
        assertThatThrownBy(() -> SearchRoutes.SearchRequest.parse(params("q", "x", "type", "gif", "from", "monday",
                "limit", "1e3")))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.details()).extracting(FieldError::field)
                        .containsExactly("type", "from", "limit"));
    }
}
