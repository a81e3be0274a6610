package dev.parley.server.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What live connections are told: persisted events from REST and sockets, receipts, badges, membership. */
@Timeout(60)
class WsEventsTest {
    @TempDir
    static Path dir;

    private static WsFixture fixture;

    @BeforeAll
    static void start() {
        fixture = WsFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static JsonNode awaitSeq(WsClient client, String conversationId, long seq) {
        await().until(() -> client.eventsOf(conversationId).stream().anyMatch(e -> e.path("seq").asLong() == seq));
        return client.eventsOf(conversationId).stream().filter(e -> e.path("seq").asLong() == seq).findFirst().orElseThrow();
    }

    @Test
    void aRestSendIsPushedAsAViewerNeutralMessage() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        String team = fixture.group(ann, bob);
        WsClient bobClient = fixture.live(bob);

        JsonNode sent = fixture.send(ann, team, "hello from REST");
        JsonNode event = awaitSeq(bobClient, team, 2);

        assertThat(event.path("event").asText()).isEqualTo("message.created");
        assertThat(event.path("conversationId").asText()).isEqualTo(team);
        assertThat(event.path("at").asText()).isEqualTo(sent.path("createdAt").asText());
        JsonNode message = event.path("data").path("message");
        assertThat(message.path("id").asText()).isEqualTo(sent.path("id").asText());
        assertThat(message.path("text").asText()).isEqualTo("hello from REST");
        assertThat(message.path("reactions")).isEmpty();
        assertThat(message.path("pinned").asBoolean()).isFalse();
        assertThat(message.get("delivery").isNull()).isTrue();
        assertThat(message.has("deletedBy")).isFalse();
    }

    @Test
    void aSocketSendReachesTheOtherMembersAndEveryChangeFollowsInSeqOrder() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        String team = fixture.group(ann, bob);
        WsClient annClient = fixture.live(ann);
        WsClient bobClient = fixture.live(bob);

        String id = annClient.ok("message.send", Map.of("conversationId", team, "clientMessageId", "s-1", "text", "one"))
                .path("message").path("id").asText();
        annClient.ok("message.edit", Map.of("messageId", id, "text", "one!"));
        bobClient.ok("reaction.add", Map.of("messageId", id, "emoji", "🎉"));
        annClient.ok("message.pin", Map.of("messageId", id));
        annClient.ok("message.unpin", Map.of("messageId", id));
        bobClient.ok("reaction.remove", Map.of("messageId", id, "emoji", "🎉"));
        annClient.ok("message.delete", Map.of("messageId", id));
        awaitSeq(bobClient, team, 8);

        List<JsonNode> events = bobClient.eventsOf(team);
        assertThat(events).extracting(e -> e.path("seq").asLong()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(events).extracting(e -> e.path("event").asText()).containsExactly("message.created",
                "message.edited", "reaction.added", "message.pinned", "message.unpinned", "reaction.removed",
                "message.deleted");
        assertThat(events.get(1).path("data").path("text").asText()).isEqualTo("one!");
        assertThat(events.get(1).path("data").path("editedAt").asText()).isEqualTo(events.get(1).path("at").asText());
        assertThat(events.get(2).path("data").path("userId").asText()).isEqualTo(bob.id());
        assertThat(events.get(2).path("data").path("emoji").asText()).isEqualTo("🎉");
        assertThat(events.get(3).path("data").path("userId").asText()).isEqualTo(ann.id());
        assertThat(events.get(6).path("data").path("messageId").asText()).isEqualTo(id);
        awaitSeq(annClient, team, 8);
        assertThat(annClient.eventsOf(team)).as("the sender's own connections too").hasSize(7);
    }

    @Test
    void readAndDeliveredMarkersBecomeReceiptsAndBadges() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        String team = fixture.group(ann, bob);
        fixture.send(ann, team, "a");
        fixture.send(ann, team, "b");
        WsClient annClient = fixture.live(ann);
        WsClient bobPhone = fixture.live(bob);
        WsClient bobLaptop = fixture.live(bob);

        bobPhone.ok("delivered", Map.of("conversationId", team, "seq", 2));
        JsonNode delivered = annClient.awaitEvent("receipt", e -> e.path("data").path("deliveredSeq").asLong() == 2);
        assertThat(delivered.path("data").path("userId").asText()).isEqualTo(bob.id());
        assertThat(delivered.path("data").path("conversationId").asText()).isEqualTo(team);
        assertThat(delivered.has("seq")).as("receipts are not persisted events").isFalse();

        bobPhone.ok("read", Map.of("conversationId", team));
        JsonNode read = annClient.awaitEvent("receipt", e -> e.path("data").path("readSeq").asLong() == 3);
        assertThat(read.path("data").path("deliveredSeq").asLong()).isEqualTo(3);
        JsonNode badge = bobLaptop.awaitEvent("unread", e -> e.path("data").path("conversationId").asText().equals(team));
        assertThat(badge.path("data").path("unreadCount").asLong()).isZero();
        assertThat(badge.path("data").path("mentionCount").asLong()).isZero();
        bobPhone.awaitEvent("unread", e -> true);
        assertThat(annClient.events("unread").stream()
                .filter(e -> e.path("data").path("conversationId").asText().equals(team)
                        && e.path("data").path("unreadCount").asLong() != 0)).as("ann's badge is ann's").isEmpty();
    }

    @Test
    void aSendTellsItsSendersMarkersThroughItsMessageAloneNoReceiptNoBadge() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        String team = fixture.group(ann, bob);
        fixture.send(ann, team, "a");
        WsClient annClient = fixture.live(ann);
        WsClient bobPhone = fixture.live(bob);
        WsClient bobLaptop = fixture.live(bob);

        bobPhone.ok("message.send", Map.of("conversationId", team, "clientMessageId", "p-1", "text", "b"));

        awaitSeq(bobLaptop, team, 3);
        awaitSeq(annClient, team, 3);
        fixture.send(ann, team, "c");
        bobPhone.ok("read", Map.of("conversationId", team));
        annClient.awaitEvent("receipt", e -> e.path("data").path("readSeq").asLong() == 4);
        // The send moved bob's markers to seq 3, which its message.created told: the only receipt
        // ann gets is the one of the read request, and bob's laptop got no badge for the send.
        assertThat(annClient.events("receipt")).extracting(e -> e.path("data").path("readSeq").asLong()).containsExactly(4L);
        bobLaptop.awaitEvent("unread", e -> e.path("data").path("conversationId").asText().equals(team));
        assertThat(bobLaptop.events("unread")).as("one badge, for the read").hasSize(1);
    }

    @Test
    void settingsChangesGoToTheUsersOwnConnections() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        String team = fixture.group(ann, bob);
        WsClient annClient = fixture.live(ann);
        WsClient bobClient = fixture.live(bob);

        fixture.call("PATCH", "/api/v1/conversations/" + team + "/settings", bob, Map.of("pinned", true), 200);

        JsonNode changed = bobClient.awaitEvent("member.settings_changed", e -> true);
        assertThat(changed.path("data").path("conversationId").asText()).isEqualTo(team);
        assertThat(changed.path("data").path("settings").path("pinned").asBoolean()).isTrue();
        annClient.ok("ping", null);
        assertThat(annClient.events("member.settings_changed")).isEmpty();
    }

    @Test
    void anAddedUserIsToldTheConversationIsAvailableAndThenGetsItsEvents() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        WsFixture.User cid = fixture.register("cid");
        String team = fixture.group(ann, bob);
        fixture.send(ann, team, "before cid");
        WsClient bobClient = fixture.live(bob);
        WsClient cidClient = fixture.live(cid);

        fixture.addMember(ann, team, cid);
        JsonNode available = cidClient.awaitEvent("conversation.available", e -> true);
        assertThat(available.path("data").path("conversationId").asText()).isEqualTo(team);
        assertThat(available.path("data").path("lastSeq").asLong()).isEqualTo(3);
        JsonNode added = awaitSeq(bobClient, team, 3);
        assertThat(added.path("event").asText()).isEqualTo("member.added");
        assertThat(added.path("data").path("userId").asText()).isEqualTo(cid.id());
        assertThat(added.path("data").path("role").asText()).isEqualTo("member");
        assertThat(added.path("data").path("byUserId").asText()).isEqualTo(ann.id());

        fixture.send(ann, team, "welcome");
        assertThat(awaitSeq(cidClient, team, 4).path("data").path("message").path("text").asText()).isEqualTo("welcome");
        assertThat(cidClient.eventsOf(team)).extracting(e -> e.path("seq").asLong()).containsExactly(4L);
    }

    @Test
    void aRemovedUserGetsTheRemovalAndNothingOfTheConversationAfterwards() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        String team = fixture.group(ann, bob);
        WsClient annClient = fixture.live(ann);
        WsClient bobClient = fixture.live(bob);
        bobClient.ok("focus", Map.of("conversationId", team));

        fixture.removeMember(ann, team, bob);
        JsonNode removed = awaitSeq(bobClient, team, 2);
        assertThat(removed.path("event").asText()).isEqualTo("member.removed");
        assertThat(removed.path("data").path("userId").asText()).isEqualTo(bob.id());
        fixture.send(ann, team, "after bob");
        annClient.ok("typing.start", Map.of("conversationId", team));
        awaitSeq(annClient, team, 3);

        bobClient.ok("ping", null);
        assertThat(bobClient.eventsOf(team)).hasSize(1);
        assertThat(bobClient.events("typing")).isEmpty();
    }

    @Test
    void aNewConversationIsPushedToItsInitialMembers() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        WsClient bobClient = fixture.live(bob);

        String team = fixture.group(ann, bob);

        JsonNode created = awaitSeq(bobClient, team, 1);
        assertThat(created.path("event").asText()).isEqualTo("conversation.created");
        assertThat(created.path("data").path("conversation").path("id").asText()).isEqualTo(team);
        assertThat(created.path("data").path("conversation").path("kind").asText()).isEqualTo("group");
        assertThat(created.path("data").path("members")).extracting(m -> m.path("userId").asText() + ":"
                + m.path("role").asText()).containsExactlyInAnyOrder(ann.id() + ":owner", bob.id() + ":member");
    }

    @Test
    void aConnectionReceivesNoEventsBeforeItResumes() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        String team = fixture.group(ann, bob);
        WsClient waiting = fixture.connect(bob);
        WsClient live = fixture.live(bob);

        fixture.send(ann, team, "while waiting");
        awaitSeq(live, team, 2);

        waiting.ok("ping", null);
        assertThat(waiting.frames.stream().filter(f -> f.path("type").asText().equals("event"))).isEmpty();
        waiting.resume(Map.of(team, 1L));
        assertThat(waiting.eventsOf(team)).extracting(e -> e.path("seq").asLong()).containsExactly(2L);
    }
}
