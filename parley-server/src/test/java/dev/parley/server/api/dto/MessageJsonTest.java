package dev.parley.server.api.dto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.core.message.Attachment;
import dev.parley.core.message.DeliveryState;
import dev.parley.core.message.HistoryPage;
import dev.parley.core.message.Message;
import dev.parley.core.message.MessageType;
import dev.parley.core.message.MessageView;
import dev.parley.core.message.ReactionCount;
import dev.parley.server.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The streaming message writer against the reference it replaced: the same views written through
 * Jackson's reflection from records of the Message schema's fields (below) give the same bytes,
 * whatever is set, null, empty, deleted, non-ASCII or far away in time.
 */
class MessageJsonTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void everyKindOfMessageIsWrittenAsTheReflectionWriterDid() throws JsonProcessingException {
        for (MessageView view : views()) {
            assertThat(Json.MAPPER.writeValueAsString(MessageJson.of(view)))
                    .isEqualTo(Json.MAPPER.writeValueAsString(Reference.of(view)));
        }
    }

    @Test
    void previewsAndPagesAreWrittenAsBefore() throws JsonProcessingException {
        Message deleted = message("m_del", "gone", T0.plusSeconds(60), "u_mod");
        for (boolean seesDeletedBy : new boolean[] {false, true}) {
            assertThat(Json.MAPPER.writeValueAsString(MessageJson.preview(deleted, seesDeletedBy)))
                    .isEqualTo(Json.MAPPER.writeValueAsString(Reference.of(
                            new MessageView(deleted.tombstone(seesDeletedBy), List.of(), false, null))));
        }
        HistoryPage page = new HistoryPage(views(), true, false);
        String expected = Json.MAPPER.writeValueAsString(new ReferencePage(
                page.messages().stream().map(Reference::of).toList(), true, false));
        assertThat(new String(HistoryJson.bytes(page), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(Json.MAPPER.writeValueAsString(HistoryJson.of(new HistoryPage(List.of(), false, true))))
                .isEqualTo("{\"items\":[],\"hasOlder\":false,\"hasNewer\":true}");
    }

    @Test
    void timesAreWrittenAsInstantToStringDoes() {
        List<Instant> times = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochMilli(-1), T0,
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.ofEpochSecond(0, 120_000_000), Instant.ofEpochSecond(0, 120_000), Instant.ofEpochSecond(0, 1),
                Instant.MIN, Instant.MAX));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-70_000_000_000L, 260_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            times.add(Instant.ofEpochSecond(seconds, nanos));
        }
        for (Instant time : times) assertThat(IsoTimes.text(time)).as("%s", time).isEqualTo(time.toString());
    }

    private static List<MessageView> views() {
        Message full = new Message("m_1", "c_1", 42, "u_ann", "cm-1", MessageType.IMAGE, "Привет 👋🏽 \"quoted\" <b>\n日本語",
                "kotlin", List.of(new Attachment("f_1", null, "cat.png", 2048, "image/png", 640, 480, null),
                new Attachment(null, "https://files.test/a.ogg", "a.ogg", 99, "audio/ogg", null, null, 1500L)),
                "m_0", "m_root", List.of("u_bob", "u_cat"), true, new Message.Forwarded("m_9", "c_9", "u_zed"),
                Instant.parse("2026-03-04T05:06:07.089Z"), Instant.parse("2026-03-04T05:16:07Z"), null, null,
                new Message.ThreadStats(3, Instant.parse("2026-03-05T00:00:00.5Z"), List.of("u_bob", "u_cat")));
        Message plain = message("m_2", "hello", null, null);
        Message bare = new Message("m_3", "c_1", 7, null, "cm-3", MessageType.SYSTEM, null, null, null, null, null,
                null, false, null, T0, null, null, null, null);
        Message deleted = message("m_4", null, T0.plusSeconds(30), "u_mod");
        return List.of(
                new MessageView(full, List.of(new ReactionCount("👍", 12, true, List.of("u_bob", "u_ann")),
                        new ReactionCount("🎉", 1, false, List.of("u_cat"))), true,
                        new DeliveryState(DeliveryState.Status.READ_SOME, 3, 1, 4, List.of("u_bob"))),
                new MessageView(plain, List.of(), false, new DeliveryState(DeliveryState.Status.SENT, 0, 0, 9, List.of())),
                new MessageView(plain, null, false, null),
                new MessageView(bare, List.of(), false, null),
                new MessageView(deleted.tombstone(true), List.of(), false, null),
                new MessageView(deleted.tombstone(false), List.of(), false, null),
                new MessageView(message("m_5", "far", Instant.parse("+12000-01-01T00:00:00Z"), null), List.of(), false, null));
    }

    private static Message message(String id, String text, Instant deletedAt, String deletedBy) {
        return new Message(id, "c_1", 3, "u_ann", "cm-" + id, MessageType.TEXT, text, null, List.of(), null, null,
                List.of(), false, null, T0, null, deletedAt, deletedBy, Message.ThreadStats.NONE);
    }

    /** A page in the shape of the reference records. */
    record ReferencePage(List<Reference> items, boolean hasOlder, boolean hasNewer) {
    }

    /** The Message schema as records, written by Jackson's reflection: what the answers were before. */
    record Reference(String id, String conversationId, long seq, String senderId, String clientMessageId, String type,
                     String text, String codeLanguage, List<AttachmentJson> attachments, String replyToId,
                     String threadRootId, List<String> mentions, boolean mentionAll, Forwarded forwardedFrom,
                     Instant createdAt, Instant editedAt, Instant deletedAt, String deletedBy, Thread thread,
                     List<Reaction> reactions, boolean pinned, Delivery delivery) {

        record Forwarded(String messageId, String conversationId, String senderId) {
        }

        record Thread(int replyCount, Instant lastReplyAt, List<String> participantIds) {
        }

        record Reaction(String emoji, int count, boolean me, List<String> userIds) {
        }

        record Delivery(String status, int deliveredTo, int readBy, int recipients, List<String> readerIds) {
        }

        static Reference of(MessageView view) {
            Message m = view.message();
            Message.ThreadStats thread = m.thread() == null ? Message.ThreadStats.NONE : m.thread();
            DeliveryState d = view.delivery();
            return new Reference(m.id(), m.conversationId(), m.seq(), m.senderId(), m.clientMessageId(),
                    m.type().wireName(), m.text(), m.codeLanguage(),
                    m.attachments() == null ? List.of() : m.attachments().stream().map(AttachmentJson::of).toList(),
                    m.replyToId(), m.threadRootId(), m.mentions() == null ? List.of() : m.mentions(), m.mentionsAll(),
                    m.forwardedFrom() == null ? null : new Forwarded(m.forwardedFrom().messageId(),
                            m.forwardedFrom().conversationId(), m.forwardedFrom().senderId()),
                    m.createdAt(), m.editedAt(), m.deletedAt(), m.deletedBy(),
                    new Thread(thread.replyCount(), thread.lastReplyAt(), thread.participantIds()),
                    view.reactions() == null ? List.of() : view.reactions().stream()
                            .map(r -> new Reaction(r.emoji(), r.count(), r.me(), r.userIds())).toList(),
                    view.pinned(),
                    d == null ? null : new Delivery(d.status().wireName(), d.deliveredTo(), d.readBy(), d.recipients(),
                            d.readerIds()));
        }
    }
}
