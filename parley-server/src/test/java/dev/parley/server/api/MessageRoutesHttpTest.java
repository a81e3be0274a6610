package dev.parley.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.api.HttpFixture.Auth;
import dev.parley.server.api.HttpFixture.Person;
import dev.parley.server.api.HttpFixture.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The message, receipt and search routes through a real server: happy paths and the 400/403/404/409 answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class MessageRoutesHttpTest {
    HttpFixture http;
    Person ann;
    Person bob;
    Person cat;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        http = new HttpFixture(dataDir);
        ann = http.register("ann");
        bob = http.register("bob");
        cat = http.register("cat");
    }

    @AfterAll
    void stop() {
        if (http != null) http.close();
    }

    Reply call(String method, String path, Person who, Object body) {
        return http.call(method, "/api/v1" + path, who == null ? null : who.auth(), body);
    }

    String conversation(String kind, String title, Person owner, Person... members) {
        var specs = java.util.Arrays.stream(members).map(m -> Map.of("userId", m.id())).toList();
        Reply reply = call("POST", "/conversations", owner, Map.of("kind", kind, "title", title, "members", specs));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply.body().path("id").asText();
    }

    JsonNode send(Person who, String conversationId, String clientMessageId, String text) {
        Reply reply = call("POST", "/conversations/" + conversationId + "/messages", who,
                Map.of("clientMessageId", clientMessageId, "text", text));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply.body();
    }

    @Test
    void sendIsIdempotentAndAnsweredAsTheSenderSeesIt() {
        String id = conversation("group", "Send", ann, bob);
        JsonNode first = send(ann, id, "cm-1", "hello @bob");
        assertThat(first.path("seq").asLong()).isPositive();
        assertThat(first.path("type").asText()).isEqualTo("text");
        assertThat(first.path("delivery").path("status").asText()).isEqualTo("sent");
        assertThat(first.path("delivery").path("recipients").asInt()).isEqualTo(1);
        Reply retry = call("POST", "/conversations/" + id + "/messages", ann, Map.of("clientMessageId", "cm-1", "text", "hello @bob"));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().path("id").asText()).isEqualTo(first.path("id").asText());

        Reply asBob = call("GET", "/messages/" + first.path("id").asText(), bob, null);
        assertThat(asBob.status()).isEqualTo(200);
        assertThat(asBob.body().path("delivery").isNull()).isTrue();

        Reply badType = call("POST", "/conversations/" + id + "/messages", ann, Map.of("clientMessageId", "cm-2", "type", "gif"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.errorField()).isEqualTo("type");
        Reply noText = call("POST", "/conversations/" + id + "/messages", ann, Map.of("clientMessageId", "cm-3"));
        assertThat(noText.errorField()).isEqualTo("text");
        assertThat(call("POST", "/conversations/" + id + "/messages", cat, Map.of("clientMessageId", "cm-4", "text", "x"))
                .status()).isEqualTo(404);
        assertThat(call("GET", "/messages/m_missing", ann, null).status()).isEqualTo(404);
    }

    @Test
    void onlyOwnersAndAdminsPostAnnouncements() {
        String id = conversation("announcement", "News", ann, bob);
        send(ann, id, "n-1", "Exam on Friday");
        Reply member = call("POST", "/conversations/" + id + "/messages", bob, Map.of("clientMessageId", "n-2", "text", "ok"));
        assertThat(member.status()).isEqualTo(403);
        assertThat(member.error()).isEqualTo("forbidden");
    }

    @Test
    void historyPagesByAnchorsAndThreads() {
        String id = conversation("group", "History", ann, bob);
        JsonNode m1 = send(ann, id, "h-1", "one");
        send(ann, id, "h-2", "two");
        JsonNode m3 = send(ann, id, "h-3", "three");
        Reply reply = call("POST", "/conversations/" + id + "/messages", bob,
                Map.of("clientMessageId", "h-4", "text", "in thread", "threadRootId", m1.path("id").asText(),
                        "replyToId", m1.path("id").asText()));
        assertThat(reply.status()).isEqualTo(201);

        Reply newest = call("GET", "/conversations/" + id + "/messages?limit=2", ann, null);
        assertThat(newest.status()).isEqualTo(200);
        assertThat(newest.body().path("items")).extracting(m -> m.path("text").asText()).containsExactly("two", "three");
        assertThat(newest.body().path("hasOlder").asBoolean()).isTrue();
        assertThat(newest.body().path("hasNewer").asBoolean()).isFalse();

        Reply before = call("GET", "/conversations/" + id + "/messages?before=" + m3.path("seq").asLong(), ann, null);
        assertThat(before.body().path("items")).extracting(m -> m.path("text").asText()).containsExactly("one", "two");
        JsonNode root = before.body().path("items").path(0);
        assertThat(root.path("thread").path("replyCount").asInt()).isEqualTo(1);
        Reply after = call("GET", "/conversations/" + id + "/messages?after=" + m1.path("seq").asLong() + "&limit=1", ann, null);
        assertThat(after.body().path("items")).extracting(m -> m.path("text").asText()).containsExactly("two");
        Reply around = call("GET", "/conversations/" + id + "/messages?limit=3&around=" + m3.path("id").asText(), ann, null);
        assertThat(around.body().path("items")).extracting(m -> m.path("text").asText()).contains("three");
        Reply thread = call("GET", "/conversations/" + id + "/messages?thread=" + m1.path("id").asText(), bob, null);
        assertThat(thread.body().path("items")).extracting(m -> m.path("text").asText()).containsExactly("in thread");

        Reply unread = call("GET", "/conversations/" + id + "/messages?firstUnread=true&markRead=true", bob, null);
        assertThat(unread.body().path("items").path(0).path("text").asText()).isEqualTo("one");
        JsonNode me = call("GET", "/conversations/" + id, bob, null).body().path("me");
        assertThat(me.path("readSeq").asLong()).isGreaterThanOrEqualTo(m3.path("seq").asLong());

        Reply bad = call("GET", "/conversations/" + id + "/messages?limit=0&before=abc&markRead=yes", ann, null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("error").path("details")).extracting(d -> d.path("field").asText())
                .containsExactly("before", "markRead");
        assertThat(call("GET", "/conversations/" + id + "/messages?limit=0", ann, null).errorField()).isEqualTo("limit");
        assertThat(call("GET", "/conversations/" + id + "/messages?before=1&after=1", ann, null).status()).isEqualTo(400);
        assertThat(call("GET", "/conversations/" + id + "/messages", cat, null).status()).isEqualTo(404);
    }

    @Test
    void editDeleteAndTheirHistory() {
        String id = conversation("group", "Edits", ann, bob);
        String messageId = send(ann, id, "e-1", "first draft").path("id").asText();
        Reply edited = call("PATCH", "/messages/" + messageId, ann, Map.of("text", "final text"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().path("text").asText()).isEqualTo("final text");
        assertThat(edited.body().path("editedAt").isNull()).isFalse();
        Reply edits = call("GET", "/messages/" + messageId + "/edits", bob, null);
        assertThat(edits.body().path("items")).hasSize(1);
        assertThat(edits.body().path("items").path(0).path("previousText").asText()).isEqualTo("first draft");
        assertThat(call("PATCH", "/messages/" + messageId, bob, Map.of("text", "hijack")).status()).isEqualTo(403);
        assertThat(call("PATCH", "/messages/" + messageId, ann, Map.of("txt", "typo")).errorField()).isEqualTo("txt");

        assertThat(call("DELETE", "/messages/" + messageId, bob, null).status()).isEqualTo(403);
        Reply deleted = call("DELETE", "/messages/" + messageId, ann, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().path("text").isNull()).isTrue();
        assertThat(deleted.body().path("deletedAt").isNull()).isFalse();
        assertThat(deleted.body().path("deletedBy").asText()).isEqualTo(ann.id());
        JsonNode asBob = call("GET", "/messages/" + messageId, bob, null).body();
        assertThat(asBob.path("text").isNull()).isTrue();
        assertThat(asBob.path("deletedBy").isNull()).isTrue();
        assertThat(call("PATCH", "/messages/" + messageId, ann, Map.of("text", "again")).status()).isEqualTo(409);
    }

    @Test
    void reactionsAndPins() {
        String id = conversation("group", "Reactions", ann, bob);
        String messageId = send(ann, id, "r-1", "react to me").path("id").asText();
        String thumbs = HttpFixture.encode("👍");
        assertThat(call("PUT", "/messages/" + messageId + "/reactions/" + thumbs, bob, null).status()).isEqualTo(204);
        assertThat(call("PUT", "/messages/" + messageId + "/reactions/" + thumbs, bob, null).status()).isEqualTo(204);
        JsonNode reactions = call("GET", "/messages/" + messageId, bob, null).body().path("reactions");
        assertThat(reactions).hasSize(1);
        assertThat(reactions.path(0).path("emoji").asText()).isEqualTo("👍");
        assertThat(reactions.path(0).path("count").asInt()).isEqualTo(1);
        assertThat(reactions.path(0).path("me").asBoolean()).isTrue();
        assertThat(call("GET", "/messages/" + messageId, ann, null).body().path("reactions").path(0).path("me").asBoolean())
                .isFalse();
        assertThat(call("DELETE", "/messages/" + messageId + "/reactions/" + thumbs, bob, null).status()).isEqualTo(204);
        assertThat(call("GET", "/messages/" + messageId, bob, null).body().path("reactions")).isEmpty();
        assertThat(call("PUT", "/messages/" + messageId + "/reactions/abc", bob, null).errorField()).isEqualTo("emoji");

        assertThat(call("PUT", "/messages/" + messageId + "/pin", bob, null).status()).isEqualTo(403);
        assertThat(call("PUT", "/messages/" + messageId + "/pin", ann, null).status()).isEqualTo(204);
        Reply pins = call("GET", "/conversations/" + id + "/pins", bob, null);
        assertThat(pins.body().path("items")).hasSize(1);
        assertThat(pins.body().path("items").path(0).path("pinned").asBoolean()).isTrue();
        assertThat(call("DELETE", "/messages/" + messageId + "/pin", ann, null).status()).isEqualTo(204);
        assertThat(call("GET", "/conversations/" + id + "/pins", bob, null).body().path("items")).isEmpty();
    }

    @Test
    void forwardingCopiesIntoAnotherConversationOnce() {
        String from = conversation("group", "Source", ann, bob);
        String to = conversation("group", "Target", bob);
        JsonNode original = send(ann, from, "f-0", "worth sharing");
        Map<String, String> body = Map.of("conversationId", to, "clientMessageId", "fw-1");
        Reply forwarded = call("POST", "/messages/" + original.path("id").asText() + "/forward", bob, body);
        assertThat(forwarded.status()).isEqualTo(201);
        assertThat(forwarded.body().path("conversationId").asText()).isEqualTo(to);
        assertThat(forwarded.body().path("text").asText()).isEqualTo("worth sharing");
        assertThat(forwarded.body().path("forwardedFrom").path("messageId").asText()).isEqualTo(original.path("id").asText());
        Reply retry = call("POST", "/messages/" + original.path("id").asText() + "/forward", bob, body);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().path("id").asText()).isEqualTo(forwarded.body().path("id").asText());
        assertThat(call("POST", "/messages/" + original.path("id").asText() + "/forward", ann,
                Map.of("conversationId", to, "clientMessageId", "fw-2")).status()).isEqualTo(404);
        assertThat(call("POST", "/messages/" + original.path("id").asText() + "/forward", bob,
                Map.of("conversationId", to)).errorField()).isEqualTo("clientMessageId");
    }

    @Test
    void readAndDeliveredMarkersDriveTheDeliveryState() {
        String id = call("POST", "/conversations/direct", ann, Map.of("userId", cat.id())).body().path("id").asText();
        JsonNode first = send(ann, id, "d-1", "one");
        JsonNode second = send(ann, id, "d-2", "two");
        Reply delivered = call("POST", "/conversations/" + id + "/delivered", cat, Map.of("seq", first.path("seq").asLong()));
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.body().path("deliveredSeq").asLong()).isEqualTo(first.path("seq").asLong());
        assertThat(call("GET", "/messages/" + first.path("id").asText(), ann, null).body().path("delivery")
                .path("status").asText()).isEqualTo("delivered_all");

        Reply read = call("POST", "/conversations/" + id + "/read", cat, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("readSeq").asLong()).isGreaterThanOrEqualTo(second.path("seq").asLong());
        JsonNode delivery = call("GET", "/messages/" + second.path("id").asText(), ann, null).body().path("delivery");
        assertThat(delivery.path("status").asText()).isEqualTo("read_all");
        assertThat(delivery.path("readerIds").path(0).asText()).isEqualTo(cat.id());

        assertThat(call("POST", "/conversations/" + id + "/read", cat, Map.of("seq", 9999)).errorField()).isEqualTo("seq");
        assertThat(call("POST", "/conversations/" + id + "/read", cat, "{\"seq\":\"x\"}").status()).isEqualTo(400);
        assertThat(call("POST", "/conversations/" + id + "/delivered", bob, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void searchFindsMessagesWithSafeSnippets() {
        String id = conversation("group", "Search", ann, bob);
        send(ann, id, "s-1", "The quick brown fox <b>jumps</b>");
        send(ann, id, "s-2", "nothing to see");
        Reply found = call("GET", "/search?q=fox&conversationId=" + id, bob, null);
        assertThat(found.status()).as(found.raw().body()).isEqualTo(200);
        assertThat(found.body().path("items")).hasSize(1);
        JsonNode hit = found.body().path("items").path(0);
        assertThat(hit.path("message").path("text").asText()).startsWith("The quick brown fox");
        assertThat(hit.path("snippet").asText()).contains("<mark>fox</mark>").doesNotContain("<b>");
        assertThat(found.body().path("nextCursor").isNull()).isTrue();
        assertThat(call("GET", "/search?q=fox", cat, null).body().path("items")).isEmpty();

        Reply bad = call("GET", "/search?q=fox&from=yesterday&type=gif&limit=many", bob, null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("error").path("details")).extracting(d -> d.path("field").asText())
                .containsExactly("type", "from", "limit");
        assertThat(call("GET", "/search", bob, null).errorField()).isEqualTo("q");
        assertThat(call("GET", "/search?q=fox&conversationId=" + id, cat, null).status()).isEqualTo(404);
        assertThat(http.call("GET", "/api/v1/search?q=fox", Auth.PLATFORM, null).status()).isEqualTo(403);
    }

    @Test
    void thePlatformPostsSystemMessagesButCannotReact() {
        String id = conversation("group", "System", ann, bob);
        Reply posted = http.call("POST", "/api/v1/conversations/" + id + "/messages", Auth.PLATFORM,
                Map.of("clientMessageId", "sys-1", "type", "system", "text", "Welcome!"));
        assertThat(posted.status()).as(posted.raw().body()).isEqualTo(201);
        assertThat(posted.body().path("type").asText()).isEqualTo("system");
        assertThat(posted.body().path("senderId").isNull()).isTrue();
        assertThat(call("POST", "/conversations/" + id + "/messages", ann,
                Map.of("clientMessageId", "sys-2", "type", "system", "text", "fake")).status()).isEqualTo(400);
        String messageId = posted.body().path("id").asText();
        assertThat(http.call("PUT", "/api/v1/messages/" + messageId + "/reactions/" + HttpFixture.encode("🎉"),
                Auth.PLATFORM, null).status()).isEqualTo(403);
        assertThat(call("PUT", "/messages/" + messageId + "/reactions/" + HttpFixture.encode("🎉"), bob, null).status())
                .isEqualTo(204);
        assertThat(List.of(call("GET", "/messages/" + messageId, bob, null).body().path("reactions").path(0)
                .path("emoji").asText())).containsExactly("🎉");
    }
}
