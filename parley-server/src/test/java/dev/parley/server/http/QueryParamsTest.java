package dev.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.FieldError;
import dev.parley.core.error.ParleyException;
import dev.parley.core.message.MessageType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class QueryParamsTest {

    public static QueryParams params(String... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return new QueryParams(map);
    }

    public static List<FieldError> errors(QueryParams q) {
        try {
            q.throwIfInvalid();
        } catch (ParleyException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            return e.details();
        }
        return List.of();
    }

    @Test
    void absentAndEmptyParametersReadAsNull() {
        QueryParams q = params("limit", "", "q", "");
        assertThat(q.integer("limit")).isNull();
        assertThat(q.text("q")).isNull();
        assertThat(q.bool("archived")).isNull();
        assertThat(q.time("from")).isNull();
        assertThat(q.kind("kind")).isNull();
        assertThat(errors(q)).isEmpty();
    }

    @Test
    void readsWellFormedValues() {
        QueryParams q = params("limit", "20", "before", "9000000000", "archived", "true", "pinned", "false",
                "from", "2026-01-05T09:00:00Z", "to", "2026-01-05T11:00:00+02:00", "kind", "course", "type", "code",
                "q", " hello ");
        assertThat(q.integer("limit")).isEqualTo(20);
        assertThat(q.whole("before")).isEqualTo(9_000_000_000L);
        assertThat(q.bool("archived")).isTrue();
        assertThat(q.bool("pinned")).isFalse();
        assertThat(q.time("from")).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
        assertThat(q.time("to")).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
        assertThat(q.kind("kind")).isEqualTo(ConversationKind.COURSE);
        assertThat(q.messageType("type")).isEqualTo(MessageType.CODE);
        assertThat(q.text("q")).isEqualTo(" hello ");
        assertThat(errors(q)).isEmpty();
    }

    @Test
    void aNumberThatIsNotOneIsAFieldErrorNotAnException() {
        QueryParams q = params("limit", "ten", "before", "1.5", "after", "99999999999999999999");
        assertThat(q.integer("limit")).isNull();
        assertThat(q.whole("before")).isNull();
        assertThat(q.whole("after")).isNull();
        assertThat(errors(q)).containsExactly(
                new FieldError("limit", "must be a whole number"),
                new FieldError("before", "must be a whole number"),
                new FieldError("after", "must be a whole number"));
    }

    @Test
    void booleansAreOnlyTrueOrFalse() {
        QueryParams q = params("archived", "yes", "pinned", "TRUE", "includeHidden", "1");
        q.bool("archived");
        q.bool("pinned");
        q.bool("includeHidden");
        assertThat(errors(q)).extracting(FieldError::field).containsExactly("archived", "pinned", "includeHidden");
        assertThat(errors(q)).allMatch(e -> e.message().equals("must be true or false"));
    }

    @Test
    void timesMustBeIso8601() {
        QueryParams q = params("from", "yesterday", "to", "2026-01-05");
        q.time("from");
        q.time("to");
        assertThat(errors(q)).containsExactly(
                new FieldError("from", "must be an ISO-8601 time such as 2026-01-05T09:00:00Z"),
                new FieldError("to", "must be an ISO-8601 time such as 2026-01-05T09:00:00Z"));
    }

    @Test
    void enumsAcceptOnlyLowerCaseWireNames() {
        QueryParams q = params("kind", "foo", "type", "TEXT");
        q.kind("kind");
        q.messageType("type");
        assertThat(errors(q)).containsExactly(
                new FieldError("kind", "must be one of direct, group, course, announcement"),
                new FieldError("type", "must be one of text, code, image, file, voice, system"));
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        QueryParams q = params("limit", "1", "limit", "2");
        assertThat(q.integer("limit")).isNull();
        assertThat(errors(q)).containsExactly(new FieldError("limit", "must be given once"));
    }

    @Test
    void throwIfInvalidPassesWhenAllIsWell() {
        QueryParams q = params("limit", "5");
        q.integer("limit");
        q.throwIfInvalid();
        assertThatThrownBy(() -> {
            QueryParams bad = params("limit", "x");
            bad.integer("limit");
            bad.throwIfInvalid();
        }).isInstanceOf(ParleyException.class);
    }
}
