package dev.parley.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.conversation.ConversationCursor;
import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.ParleyException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CursorsTest {
    @Test
    void conversationCursorRoundTrips() {
        var cursor = new ConversationCursor(true, Instant.parse("2026-03-01T10:15:30.123Z"), "c_42|odd");
        assertThat(Cursors.conversation(Cursors.conversation(cursor))).isEqualTo(cursor);
        assertThat(Cursors.conversation((String) null)).isNull();
    }

    @Test
    void offsetCursorRoundTrips() {
        assertThat(Cursors.offset(Cursors.offset(150))).isEqualTo(150);
        assertThat(Cursors.offset((String) null)).isZero();
    }

    @Test
    void tamperedCursorsAreRejectedWith400() {
        for (String bad : new String[]{"!!!", "bm90LWEtY3Vyc29y", Cursors.offset(5), "MXwxMjN8"}) {
            assertThatThrownBy(() -> Cursors.conversation(bad))
                    .isInstanceOfSatisfying(ParleyException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                        assertThat(e.details()).extracting(d -> d.field()).containsExactly("cursor");
                    });
        }
        assertThatThrownBy(() -> Cursors.offset("bzotMQ")).isInstanceOf(ParleyException.class);
        assertThatThrownBy(() -> Cursors.offset(Cursors.conversation(new ConversationCursor(false, Instant.EPOCH, "c"))))
                .isInstanceOf(ParleyException.class);
    }
}
