package dev.parley.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.access.Actor;
import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.ConversationDetails;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.ConversationSummary;
import dev.parley.core.conversation.Member;
import dev.parley.core.conversation.MemberProfile;
import dev.parley.core.conversation.MemberSettings;
import dev.parley.core.conversation.Role;
import dev.parley.core.message.Attachment;
import dev.parley.core.message.DeliveryState;
import dev.parley.core.message.HistoryPage;
import dev.parley.core.message.Message;
import dev.parley.core.message.MessageEdit;
import dev.parley.core.message.MessageType;
import dev.parley.core.message.MessageView;
import dev.parley.core.message.ReactionCount;
import dev.parley.core.user.User;
import dev.parley.server.api.dto.ConversationJson;
import dev.parley.server.api.dto.DetailsJson;
import dev.parley.server.api.dto.EditJson;
import dev.parley.server.api.dto.HistoryJson;
import dev.parley.server.api.dto.MemberJson;
import dev.parley.server.api.dto.MessageJson;
import dev.parley.server.api.dto.PageJson;
import dev.parley.server.api.dto.SummaryJson;
import dev.parley.server.http.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON shapes of api.md, produced from core records. */
class ResponseMappingTest {
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant T1 = Instant.parse("2026-01-05T09:05:00Z");

    static JsonNode json(Object value) {
        return Json.MAPPER.valueToTree(value);
    }

    static List<String> fields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Conversation group() {
        return new Conversation("c_1", ConversationKind.ANNOUNCEMENT, "News", "All news", "https://x.test/a.png", null,
                null, false, "u_ann", T0, T1, 7);
    }

    static Conversation direct() {
        return new Conversation("c_2", ConversationKind.DIRECT, null, null, null, null, "u_ann:u_bob", true, "u_ann",
                T0, T1, 3);
    }

    static Member member(String userId, Role role) {
        return new Member("c_1", userId, role, T0, 4, 5, new MemberSettings(true, T1, true, false));
    }

    static User user(String id) {
        return new User(id, id.substring(2), "Name " + id, id + "@mail.test", null, "busy", "ext-" + id, T0);
    }

    static Message message(String id, Instant deletedAt) {
        return new Message(id, "c_1", 3, "u_ann", "cm-1", MessageType.IMAGE, "caption <b>", null,
                List.of(new Attachment(null, "https://x.test/p.png", "p.png", 1234, "image/png", 640, 480, null)),
                "m_0", null, List.of("u_bob"), true, new Message.Forwarded("m_9", "c_9", "u_zed"), T0, T1, deletedAt,
                deletedAt == null ? null : "u_mod", new Message.ThreadStats(2, T1, List.of("u_bob", "u_cat")));
    }

    @Test
    void conversationHasTheApiFieldsWithLowerCaseKindAndIsoTimes() {
        JsonNode node = json(ConversationJson.of(group()));
        assertThat(fields(node)).containsExactly("id", "kind", "title", "description", "avatarUrl", "courseId",
                "archived", "createdBy", "createdAt", "lastActivityAt", "lastSeq");
        assertThat(node.get("kind").asText()).isEqualTo("announcement");
        assertThat(node.get("createdAt").asText()).isEqualTo("2026-01-05T09:00:00Z");
        assertThat(node.get("lastActivityAt").asText()).isEqualTo("2026-01-05T09:05:00Z");
        assertThat(node.get("courseId").isNull()).isTrue();
        assertThat(node.get("lastSeq").asLong()).isEqualTo(7);
        assertThat(json(ConversationJson.of(direct())).get("archived").asBoolean()).isTrue();
    }

    @Test
    void memberCarriesRoleMarkersAndSettings() {
        JsonNode node = json(MemberJson.of(member("u_bob", Role.MODERATOR)));
        assertThat(fields(node)).containsExactly("conversationId", "userId", "role", "joinedAt", "readSeq",
                "deliveredSeq", "settings");
        assertThat(node.get("role").asText()).isEqualTo("moderator");
        assertThat(node.get("readSeq").asLong()).isEqualTo(4);
        assertThat(node.get("deliveredSeq").asLong()).isEqualTo(5);
        JsonNode settings = node.get("settings");
        assertThat(fields(settings)).containsExactly("muted", "mutedUntil", "pinned", "hidden");
        assertThat(settings.get("muted").asBoolean()).isTrue();
        assertThat(settings.get("mutedUntil").asText()).isEqualTo("2026-01-05T09:05:00Z");
        assertThat(MemberJson.of(null)).isNull();
    }

    @Test
    void messageViewHasEveryFieldOfTheContract() {
        var view = new MessageView(message("m_1", null),
                List.of(new ReactionCount("👍", 2, true, List.of("u_ann", "u_bob"))), true,
                new DeliveryState(DeliveryState.Status.READ_SOME, 2, 1, 3, List.of("u_bob")));
        JsonNode node = json(MessageJson.of(view));
        assertThat(fields(node)).containsExactly("id", "conversationId", "seq", "senderId", "clientMessageId", "type",
                "text", "codeLanguage", "attachments", "replyToId", "threadRootId", "mentions", "mentionAll",
                "forwardedFrom", "createdAt", "editedAt", "deletedAt", "deletedBy", "thread", "reactions", "pinned",
                "delivery");
        assertThat(node.get("type").asText()).isEqualTo("image");
        assertThat(node.get("mentionAll").asBoolean()).isTrue();
        assertThat(node.get("mentions").get(0).asText()).isEqualTo("u_bob");
        assertThat(fields(node.get("attachments").get(0))).containsExactly("fileId", "url", "name", "size", "mimeType",
                "width", "height", "durationMs");
        assertThat(node.get("attachments").get(0).get("size").asLong()).isEqualTo(1234);
        assertThat(node.get("forwardedFrom").get("messageId").asText()).isEqualTo("m_9");
        assertThat(node.get("thread").get("replyCount").asInt()).isEqualTo(2);
        assertThat(node.get("thread").get("participantIds").size()).isEqualTo(2);
        assertThat(fields(node.get("reactions").get(0))).containsExactly("emoji", "count", "me", "userIds");
        assertThat(node.get("reactions").get(0).get("emoji").asText()).isEqualTo("👍");
        assertThat(node.get("pinned").asBoolean()).isTrue();
        JsonNode delivery = node.get("delivery");
        assertThat(fields(delivery)).containsExactly("status", "deliveredTo", "readBy", "recipients", "readerIds");
        assertThat(delivery.get("status").asText()).isEqualTo("read_some");
        assertThat(delivery.get("readerIds").get(0).asText()).isEqualTo("u_bob");
    }

    @Test
    void othersMessagesHaveNullDeliveryAndAMissingThreadBecomesEmptyStats() {
        Message m = message("m_1", null);
        Message noThread = new Message(m.id(), m.conversationId(), m.seq(), m.senderId(), m.clientMessageId(),
                MessageType.TEXT, "hi", null, null, null, null, null, false, null, T0, null, null, null, null);
        JsonNode node = json(MessageJson.of(new MessageView(noThread, List.of(), false, null)));
        assertThat(node.get("delivery").isNull()).isTrue();
        assertThat(node.get("forwardedFrom").isNull()).isTrue();
        assertThat(node.get("attachments").isArray()).isTrue();
        assertThat(node.get("attachments").size()).isZero();
        assertThat(node.get("mentions").size()).isZero();
        assertThat(node.get("thread").get("replyCount").asInt()).isZero();
        assertThat(node.get("thread").get("lastReplyAt").isNull()).isTrue();
        assertThat(node.get("thread").get("participantIds").size()).isZero();
    }

    @Test
    void previewOfADeletedMessageIsATombstone() {
        Message deleted = message("m_1", T1);
        JsonNode forMember = json(MessageJson.preview(deleted, false));
        assertThat(forMember.get("text").isNull()).isTrue();
        assertThat(forMember.get("attachments").size()).isZero();
        assertThat(forMember.get("mentions").size()).isZero();
        assertThat(forMember.get("forwardedFrom").isNull()).isTrue();
        assertThat(forMember.get("deletedAt").asText()).isEqualTo("2026-01-05T09:05:00Z");
        assertThat(forMember.get("deletedBy").isNull()).isTrue();
        assertThat(json(MessageJson.preview(deleted, true)).get("deletedBy").asText()).isEqualTo("u_mod");
        JsonNode live = json(MessageJson.preview(message("m_2", null), false));
        assertThat(live.get("text").asText()).isEqualTo("caption <b>");
        assertThat(live.get("reactions").size()).isZero();
        assertThat(live.get("pinned").asBoolean()).isFalse();
        assertThat(live.get("delivery").isNull()).isTrue();
    }

    @Test
    void summaryShowsPreviewAndThePeerWithoutEmail() {
        Member me = new Member("c_2", "u_ann", Role.MEMBER, T0, 1, 2, MemberSettings.DEFAULT);
        var summary = new ConversationSummary(direct(), me, 2, 1, message("m_1", null), "Name u_ann", user("u_bob"));
        JsonNode node = json(SummaryJson.of(summary));
        assertThat(fields(node)).containsExactly("conversation", "me", "unreadCount", "mentionCount", "lastMessage",
                "lastMessageSenderName", "directPeer");
        assertThat(node.get("conversation").get("kind").asText()).isEqualTo("direct");
        assertThat(node.get("me").get("role").asText()).isEqualTo("member");
        assertThat(node.get("unreadCount").asLong()).isEqualTo(2);
        assertThat(node.get("mentionCount").asLong()).isEqualTo(1);
        assertThat(node.get("lastMessage").get("id").asText()).isEqualTo("m_1");
        assertThat(node.get("lastMessageSenderName").asText()).isEqualTo("Name u_ann");
        assertThat(node.get("directPeer").get("id").asText()).isEqualTo("u_bob");
        assertThat(node.get("directPeer").get("email").isNull()).isTrue();
    }

    @Test
    void summaryOfAnEmptyGroupHasNullsAndAdminsSeeWhoDeleted() {
        Member owner = member("u_ann", Role.OWNER);
        var empty = new ConversationSummary(group(), owner, 0, 0, null, null, null);
        JsonNode node = json(SummaryJson.of(empty));
        assertThat(node.get("lastMessage").isNull()).isTrue();
        assertThat(node.get("lastMessageSenderName").isNull()).isTrue();
        assertThat(node.get("directPeer").isNull()).isTrue();
        var deletedLast = new ConversationSummary(group(), owner, 0, 0, message("m_1", T1), "Name u_ann", null);
        assertThat(json(SummaryJson.of(deletedLast)).get("lastMessage").get("deletedBy").asText()).isEqualTo("u_mod");
        var asMember = new ConversationSummary(group(), member("u_bob", Role.MEMBER), 0, 0, message("m_1", T1), null, null);
        JsonNode hidden = json(SummaryJson.of(asMember)).get("lastMessage");
        assertThat(hidden.get("deletedBy").isNull()).isTrue();
        assertThat(hidden.get("text").isNull()).isTrue();
    }

    @Test
    void detailsShowTheEmailOnlyToItsOwnerAndThePlatform() {
        var details = new ConversationDetails(group(),
                List.of(new MemberProfile(member("u_ann", Role.OWNER), user("u_ann")),
                        new MemberProfile(member("u_bob", Role.MEMBER), user("u_bob"))),
                12, member("u_ann", Role.OWNER));
        JsonNode node = json(DetailsJson.of(details, Actor.user("u_ann")));
        assertThat(fields(node)).containsExactly("conversation", "members", "messageCount", "me");
        assertThat(node.get("messageCount").asLong()).isEqualTo(12);
        assertThat(node.get("me").get("role").asText()).isEqualTo("owner");
        JsonNode ann = node.get("members").get(0);
        assertThat(fields(ann)).containsExactly("userId", "role", "joinedAt", "readSeq", "deliveredSeq", "user");
        assertThat(ann.get("user").get("email").asText()).isEqualTo("u_ann@mail.test");
        assertThat(node.get("members").get(1).get("user").get("email").isNull()).isTrue();
        assertThat(node.get("members").get(1).get("role").asText()).isEqualTo("member");

        var asPlatform = new ConversationDetails(group(), details.members(), 12, null);
        JsonNode platform = json(DetailsJson.of(asPlatform, Actor.PLATFORM));
        assertThat(platform.get("me").isNull()).isTrue();
        assertThat(platform.get("members").get(1).get("user").get("email").asText()).isEqualTo("u_bob@mail.test");
    }

    @Test
    void historyPagesAndPagedListsHaveTheirEnvelope() {
        var page = new HistoryPage(List.of(new MessageView(message("m_1", null), List.of(), false, null)), true, false);
        JsonNode history = json(HistoryJson.of(page));
        assertThat(fields(history)).containsExactly("items", "hasOlder", "hasNewer");
        assertThat(history.get("hasOlder").asBoolean()).isTrue();
        assertThat(history.get("items").get(0).get("id").asText()).isEqualTo("m_1");
        JsonNode paged = json(new PageJson<>(List.of("a"), null));
        assertThat(fields(paged)).containsExactly("items", "nextCursor");
        assertThat(paged.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void editShowsThePreviousTextAndWhenItWasReplaced() {
        JsonNode node = json(EditJson.of(new MessageEdit("m_1", "old text", T1)));
        assertThat(fields(node)).containsExactly("previousText", "replacedAt");
        assertThat(node.get("previousText").asText()).isEqualTo("old text");
        assertThat(node.get("replacedAt").asText()).isEqualTo("2026-01-05T09:05:00Z");
    }
}
