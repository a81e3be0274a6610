package dev.parley.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.Limits;
import dev.parley.core.error.FieldError;
import dev.parley.core.error.ParleyException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageRulesTest {
    private static final Limits LIMITS = Limits.DEFAULTS;
    private static final Attachment PNG = new Attachment(null, "https://cdn.example/a.png", "a.png", 2048, "image/png", 10, 10, null);

    @Test
    void acceptsEveryWellFormedType() {
        List<NewMessage> ok = List.of(
                NewMessage.text("c-1", "hello"),
                new NewMessage("c-2", MessageType.CODE, "print(1)", "python", List.of(), null, null, List.of(), false),
                new NewMessage("c-3", MessageType.IMAGE, null, null, List.of(PNG), null, null, List.of(), false),
                new NewMessage("c-4", MessageType.FILE, "the report", null,
                        List.of(new Attachment("f_1", null, "r.pdf", 10, "application/pdf", null, null, null)), null, null, List.of(), false),
                new NewMessage("c-5", MessageType.VOICE, null, null,
                        List.of(new Attachment("f_2", null, "v.ogg", 10, "audio/ogg", null, null, 3_000L)), null, null, List.of(), false));
        for (NewMessage m : ok) {
            assertThatCode(() -> MessageRules.validateNew(m, false, LIMITS)).as(m.type().name()).doesNotThrowAnyException();
        }
    }

    @Test
    void reportsEveryProblemOfABadMessage() {
        NewMessage bad = new NewMessage("has space", MessageType.IMAGE, "x".repeat(LIMITS.maxTextLength() + 1), "java",
                List.of(new Attachment("f_1", "https://x.example/y", "", -1, "text/plain", 0, null, null)),
                null, null, java.util.Collections.nCopies(LIMITS.maxMentions() + 1, "u_1"), false);
        assertThat(fields(bad, false)).contains("clientMessageId", "text", "codeLanguage", "attachments[0]",
                "attachments[0].name", "attachments[0].size", "attachments[0].mimeType", "attachments[0].width", "mentions");
    }

    @Test
    void textIsRequiredForTextAndCodeAttachmentsForMedia() {
        assertThat(fields(NewMessage.text("c", "  "), false)).containsExactly("text");
        assertThat(fields(new NewMessage("c", MessageType.FILE, null, null, List.of(), null, null, List.of(), false), false))
                .containsExactly("attachments");
        assertThat(fields(new NewMessage("c", MessageType.TEXT, "hi", null, List.of(PNG), null, null, List.of(), false), false))
                .containsExactly("attachments");
    }

    @Test
    void onlyThePlatformPostsSystemMessages() {
        NewMessage system = new NewMessage("c", MessageType.SYSTEM, "Course starts Monday", null, List.of(), null, null, List.of(), false);
        assertThat(fields(system, false)).containsExactly("type");
        assertThatCode(() -> MessageRules.validateNew(system, true, LIMITS)).doesNotThrowAnyException();
    }

    @Test
    void clientMessageIdIsRequired() {
        assertThat(fields(NewMessage.text(null, "hi"), false)).containsExactly("clientMessageId");
        assertThat(fields(NewMessage.text("x".repeat(65), "hi"), false)).containsExactly("clientMessageId");
    }

    @Test
    void voiceNeedsAudioAndImageNeedsImage() {
        Attachment pdf = new Attachment("f", null, "a.pdf", 1, "application/pdf", null, null, null);
        assertThat(fields(new NewMessage("c", MessageType.VOICE, null, null, List.of(pdf), null, null, List.of(), false), false))
                .containsExactly("attachments[0].mimeType");
        assertThat(fields(new NewMessage("c", MessageType.IMAGE, null, null, List.of(pdf), null, null, List.of(), false), false))
                .containsExactly("attachments[0].mimeType");
    }

    @Test
    void editsKeepTheSameTextRules() {
        assertThatThrownBy(() -> MessageRules.validateEdit(MessageType.TEXT, "", List.of(), LIMITS)).isInstanceOf(ParleyException.class);
        assertThatThrownBy(() -> MessageRules.validateEdit(MessageType.SYSTEM, "x", List.of(), LIMITS)).isInstanceOf(ParleyException.class);
        assertThatCode(() -> MessageRules.validateEdit(MessageType.IMAGE, null, List.of(), LIMITS)).doesNotThrowAnyException();
    }

    private static List<String> fields(NewMessage m, boolean platform) {
        try {
            MessageRules.validateNew(m, platform, LIMITS);
            return List.of();
        } catch (ParleyException e) {
            return e.details().stream().map(FieldError::field).toList();
        }
    }
}
