package dev.parley.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.model.MemberSettings;
import dev.parley.client.model.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerFrameTest {
    private static RealtimeEvent event(String frame) {
        ServerFrame decoded = ServerFrame.decode(frame);
        assertThat(decoded).isInstanceOf(ServerFrame.Event.class);
        return ((ServerFrame.Event) decoded).event();
    }

    @Test
    void repliesCarryTheirIdAndResultOrError() {
        ServerFrame ok = ServerFrame.decode(Samples.ok("7", "{\"readSeq\":4}"));
        assertThat(ok).isInstanceOfSatisfying(ServerFrame.Ok.class, o -> {
            assertThat(o.id()).isEqualTo("7");
            assertThat(o.result().path("readSeq").asLong()).isEqualTo(4);
        });

        ServerFrame failed = ServerFrame.decode("{\"type\":\"error\",\"id\":\"8\",\"error\":{\"code\":\"validation_failed\","
                + "\"message\":\"bad\",\"details\":[{\"field\":\"text\",\"message\":\"too long\"}]}}");
        assertThat(failed).isInstanceOfSatisfying(ServerFrame.Failed.class, f -> {
            RequestFailedException e = f.exception("message.send");
            assertThat(e.code()).isEqualTo("validation_failed");
            assertThat(e.op()).isEqualTo("message.send");
            assertThat(e.details()).singleElement().satisfies(d -> assertThat(d.field()).isEqualTo("text"));
            assertThat(e.isTransient()).isFalse();
        });
        assertThat(ServerFrame.decode(Samples.error(null, "validation_failed")))
                .isInstanceOfSatisfying(ServerFrame.Failed.class, f -> assertThat(f.id()).isNull());
    }

    @Test
    void everyPersistedEventKindIsRead() {
        assertThat(event(Samples.created("c1", 3, "u_ann", "hi"))).isInstanceOfSatisfying(
                ConversationEvent.MessageCreated.class, e -> {
                    assertThat(e.seq()).isEqualTo(3);
                    assertThat(e.at()).isEqualTo(Samples.at(3));
                    assertThat(e.message().text()).isEqualTo("hi");
                });
        assertThat(event(Samples.edited("c1", 4, "m1", "new"))).isEqualTo(new ConversationEvent.MessageEdited(
                "c1", 4, Samples.at(4), "m1", "new", List.of(), false, Samples.at(4)));
        assertThat(event(Samples.deleted("c1", 5, "m1")))
                .isEqualTo(new ConversationEvent.MessageDeleted("c1", 5, Samples.at(5), "m1", Samples.at(5)));
        assertThat(event(Samples.reaction("c1", 6, true, "m1", "u_ann", "👍")))
                .isEqualTo(new ConversationEvent.ReactionAdded("c1", 6, Samples.at(6), "m1", "u_ann", "👍"));
        assertThat(event(Samples.reaction("c1", 7, false, "m1", "u_ann", "👍")))
                .isEqualTo(new ConversationEvent.ReactionRemoved("c1", 7, Samples.at(7), "m1", "u_ann", "👍"));
        assertThat(event(Samples.event("c1", 8, "message.pinned", "{\"messageId\":\"m1\",\"userId\":\"u_ann\"}")))
                .isEqualTo(new ConversationEvent.MessagePinned("c1", 8, Samples.at(8), "m1", "u_ann"));
        assertThat(event(Samples.event("c1", 9, "message.unpinned", "{\"messageId\":\"m1\",\"userId\":\"u_ann\"}")))
                .isEqualTo(new ConversationEvent.MessageUnpinned("c1", 9, Samples.at(9), "m1", "u_ann"));
        assertThat(event(Samples.conversationCreated("c2", "u_owner", "u_me"))).isInstanceOfSatisfying(
                ConversationEvent.ConversationCreated.class, e -> assertThat(e.members()).containsExactly(
                        new ConversationEvent.InitialMember("u_owner", Role.OWNER),
                        new ConversationEvent.InitialMember("u_me", Role.MEMBER)));
        assertThat(event(Samples.event("c1", 10, "conversation.updated",
                "{\"title\":\"T\",\"description\":null,\"avatarUrl\":null,\"byUserId\":\"u_ann\"}")))
                .isEqualTo(new ConversationEvent.ConversationUpdated("c1", 10, Samples.at(10), "T", null, null, "u_ann"));
        assertThat(event(Samples.event("c1", 11, "conversation.archived", "{\"archived\":true,\"byUserId\":\"u_ann\"}")))
                .isEqualTo(new ConversationEvent.ConversationArchived("c1", 11, Samples.at(11), true, "u_ann"));
        assertThat(event(Samples.event("c1", 12, "member.added", "{\"userId\":\"u_b\",\"role\":\"moderator\",\"byUserId\":\"u_ann\"}")))
                .isEqualTo(new ConversationEvent.MemberAdded("c1", 12, Samples.at(12), "u_b", Role.MODERATOR, "u_ann"));
        assertThat(event(Samples.memberRemoved("c1", 13, "u_b")))
                .isEqualTo(new ConversationEvent.MemberRemoved("c1", 13, Samples.at(13), "u_b", "u_owner"));
        assertThat(event(Samples.event("c1", 14, "member.role_changed", "{\"userId\":\"u_b\",\"role\":\"admin\",\"byUserId\":\"u_ann\"}")))
                .isEqualTo(new ConversationEvent.MemberRoleChanged("c1", 14, Samples.at(14), "u_b", Role.ADMIN, "u_ann"));
    }

    @Test
    void unknownOrBrokenPersistedEventsStillTakeTheirPlaceInTheSequence() {
        assertThat(event(Samples.event("c1", 15, "poll.created", "{\"question\":\"?\"}")))
                .isInstanceOfSatisfying(ConversationEvent.Other.class, e -> {
                    assertThat(e.name()).isEqualTo("poll.created");
                    assertThat(e.seq()).isEqualTo(15);
                });
        assertThat(event(Samples.event("c1", 16, "message.created", "{\"message\":null}")))
                .isInstanceOfSatisfying(ConversationEvent.Other.class, e -> assertThat(e.seq()).isEqualTo(16));
    }

    @Test
    void everyEphemeralEventKindIsRead() {
        assertThat(event(Samples.live("typing", "{\"conversationId\":\"c1\",\"userIds\":[\"u_a\",\"u_b\"]}")))
                .isEqualTo(new LiveEvent.Typing("c1", Set.of("u_a", "u_b")));
        assertThat(event(Samples.live("presence", "{\"userId\":\"u_a\",\"status\":\"dnd\",\"lastSeenAt\":null,\"statusText\":\"focus\"}")))
                .isEqualTo(new LiveEvent.PresenceChanged(new Presence("u_a", Presence.Status.DND, null, "focus", null)));
        assertThat(event(Samples.live("receipt", "{\"conversationId\":\"c1\",\"userId\":\"u_a\",\"readSeq\":3,\"deliveredSeq\":5}")))
                .isEqualTo(new LiveEvent.ReceiptChanged(new Receipt("c1", "u_a", 3, 5)));
        assertThat(event(Samples.live("unread", "{\"conversationId\":\"c1\",\"unreadCount\":2,\"mentionCount\":1}")))
                .isEqualTo(new LiveEvent.UnreadChanged("c1", 2, 1));
        assertThat(event(Samples.live("member.settings_changed",
                "{\"conversationId\":\"c1\",\"settings\":{\"muted\":true,\"mutedUntil\":null,\"pinned\":false,\"hidden\":false}}")))
                .isEqualTo(new LiveEvent.SettingsChanged("c1", new MemberSettings(true, null, false, false)));
        assertThat(event(Samples.live("conversation.available", "{\"conversationId\":\"c7\",\"lastSeq\":12}")))
                .isEqualTo(new LiveEvent.ConversationAvailable("c7", 12));
        assertThat(event(Samples.live("presence", "{\"userId\":\"u_a\",\"status\":\"invisible\"}")))
                .isInstanceOfSatisfying(LiveEvent.PresenceChanged.class,
                        e -> assertThat(e.presence().status()).isEqualTo(Presence.Status.UNKNOWN));
        assertThat(event(Samples.live("hologram", "{}"))).isInstanceOf(LiveEvent.Other.class);
    }

    @Test
    void framesThatAreNotReadableAreReportedNotThrown() {
        assertThat(ServerFrame.decode("not json")).isInstanceOf(ServerFrame.Unreadable.class);
        assertThat(ServerFrame.decode("[1,2]")).isInstanceOf(ServerFrame.Unreadable.class);
        assertThat(ServerFrame.decode("{\"type\":\"gossip\"}")).isInstanceOf(ServerFrame.Unreadable.class);
        assertThat(ServerFrame.decode(Samples.live("presence", "\"not an object\""))).isInstanceOf(ServerFrame.Unreadable.class);
    }
}
