package dev.parley.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.api.HttpFixture.Auth;
import dev.parley.server.api.HttpFixture.Person;
import dev.parley.server.api.HttpFixture.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The conversation and member routes through a real server: happy paths and the 400/403/404/409 answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class DomainRoutesHttpTest {
    HttpFixture http;
    Person ann;
    Person bob;
    Person cat;
    Person dan;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        http = new HttpFixture(dataDir);
        ann = http.register("ann");
        bob = http.register("bob");
        cat = http.register("cat");
        dan = http.register("dan");
    }

    @AfterAll
    void stop() {
        if (http != null) http.close();
    }

    Reply call(String method, String path, Person who, Object body) {
        return http.call(method, "/api/v1" + path, who == null ? null : who.auth(), body);
    }

    String group(Person owner, String title, Person... members) {
        List<Map<String, String>> specs = new ArrayList<>();
        for (Person m : members) specs.add(Map.of("userId", m.id()));
        Reply reply = call("POST", "/conversations", owner, Map.of("kind", "group", "title", title, "members", specs));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply.body().path("id").asText();
    }

    @Test
    void directConversationIsCreatedOnceAndFoundAgain() {
        Reply first = call("POST", "/conversations/direct", cat, Map.of("userId", dan.id()));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("kind").asText()).isEqualTo("direct");
        assertThat(first.body().has("directKey")).isFalse();
        Reply again = call("POST", "/conversations/direct", dan, Map.of("userId", cat.id()));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asText()).isEqualTo(first.body().path("id").asText());

        Reply self = call("POST", "/conversations/direct", cat, Map.of("userId", cat.id()));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.errorField()).isEqualTo("userId");
        assertThat(call("POST", "/conversations/direct", cat, Map.of("userId", "u_nobody")).status()).isEqualTo(404);
        Reply unknownField = call("POST", "/conversations/direct", cat, "{\"userId\":\"x\",\"force\":true}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.errorField()).isEqualTo("force");
    }

    @Test
    void groupDetailsMembersAndRenaming() {
        String id = group(ann, "Study group", bob, cat);
        Reply details = call("GET", "/conversations/" + id, ann, null);
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.body().path("conversation").path("title").asText()).isEqualTo("Study group");
        assertThat(details.body().path("me").path("role").asText()).isEqualTo("owner");
        assertThat(details.body().path("messageCount").asLong()).isZero();
        JsonNode members = details.body().path("members");
        assertThat(members).hasSize(3);
        for (JsonNode m : members) {
            boolean mine = m.path("userId").asText().equals(ann.id());
            assertThat(m.path("user").path("email").isNull()).isEqualTo(!mine);
        }

        Reply list = call("GET", "/conversations/" + id + "/members", bob, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("items")).hasSize(3);

        Reply renamed = call("PATCH", "/conversations/" + id, ann, Map.of("title", "Exam prep", "description", "Week 3"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().path("title").asText()).isEqualTo("Exam prep");
        assertThat(renamed.body().path("description").asText()).isEqualTo("Week 3");

        assertThat(call("PATCH", "/conversations/" + id, bob, Map.of("title", "Mine")).status()).isEqualTo(403);
        assertThat(call("GET", "/conversations/" + id, dan, null).status()).isEqualTo(404);
        assertThat(call("GET", "/conversations/c_missing", ann, null).error()).isEqualTo("not_found");
        Reply blank = call("PATCH", "/conversations/" + id, ann, Map.of("title", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.errorField()).isEqualTo("title");
    }

    @Test
    void creatingRefusesBadKindsAndReturnsTheLinkedCourse() {
        Reply bad = call("POST", "/conversations", ann, Map.of("kind", "channel", "title", "x"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorField()).isEqualTo("kind");
        Reply badRole = call("POST", "/conversations", ann,
                Map.of("kind", "group", "title", "x", "members", List.of(Map.of("userId", bob.id(), "role", "king"))));
        assertThat(badRole.errorField()).isEqualTo("members[0].role");

        Map<String, Object> course = Map.of("kind", "course", "title", "Algebra", "courseId", "course-101");
        Reply first = call("POST", "/conversations", ann, course);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("courseId").asText()).isEqualTo("course-101");
        Reply again = call("POST", "/conversations", ann, course);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asText()).isEqualTo(first.body().path("id").asText());
    }

    @Test
    void membersAreAddedPromotedRemovedAndOwnershipMoves() {
        String id = group(ann, "Team", bob);
        Reply added = call("POST", "/conversations/" + id + "/members", ann, Map.of("userIds", List.of(cat.id(), dan.id())));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().path("items")).hasSize(2);
        assertThat(added.body().path("items").path(0).path("role").asText()).isEqualTo("member");
        assertThat(added.body().path("items").path(0).path("settings").path("muted").asBoolean()).isFalse();

        Reply promoted = call("PATCH", "/conversations/" + id + "/members/" + cat.id(), ann, Map.of("role", "moderator"));
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.body().path("role").asText()).isEqualTo("moderator");
        assertThat(call("PATCH", "/conversations/" + id + "/members/" + cat.id(), ann, Map.of("role", "chief"))
                .errorField()).isEqualTo("role");
        assertThat(call("PATCH", "/conversations/" + id + "/members/" + dan.id(), bob, Map.of("role", "admin"))
                .status()).isEqualTo(403);
        assertThat(call("POST", "/conversations/" + id + "/members", ann, Map.of("userIds", List.of())).status())
                .isEqualTo(400);

        assertThat(call("DELETE", "/conversations/" + id + "/members/" + dan.id(), ann, null).status()).isEqualTo(204);
        assertThat(call("GET", "/conversations/" + id, dan, null).status()).isEqualTo(404);
        assertThat(call("POST", "/conversations/" + id + "/leave", bob, null).status()).isEqualTo(204);
        assertThat(call("POST", "/conversations/" + id + "/leave", ann, null).status()).isEqualTo(409);

        assertThat(call("POST", "/conversations/" + id + "/transfer-ownership", ann, Map.of()).errorField())
                .isEqualTo("userId");
        assertThat(call("POST", "/conversations/" + id + "/transfer-ownership", ann, Map.of("userId", cat.id())).status())
                .isEqualTo(204);
        JsonNode members = call("GET", "/conversations/" + id + "/members", cat, null).body().path("items");
        for (JsonNode m : members) {
            String expected = m.path("userId").asText().equals(cat.id()) ? "owner" : "admin";
            assertThat(m.path("role").asText()).isEqualTo(expected);
        }
    }

    @Test
    void archivingMakesAConversationReadOnlyUntilRestored() {
        String id = group(ann, "Archive me", bob);
        Reply archived = call("PUT", "/conversations/" + id + "/archive", ann, null);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.body().path("archived").asBoolean()).isTrue();
        Reply send = call("POST", "/conversations/" + id + "/messages", ann, Map.of("clientMessageId", "a1", "text", "hi"));
        assertThat(send.status()).isEqualTo(409);
        assertThat(send.error()).isEqualTo("conflict");
        assertThat(call("PUT", "/conversations/" + id + "/archive", bob, null).status()).isEqualTo(403);
        Reply restored = call("DELETE", "/conversations/" + id + "/archive", ann, null);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.body().path("archived").asBoolean()).isFalse();
    }

    @Test
    void listFiltersPagesAndPutsPinnedFirst() {
        Person eve = http.register("eve");
        String older = group(eve, "Older");
        String newer = group(eve, "Newer");
        Reply pin = call("PATCH", "/conversations/" + older + "/settings", eve,
                Map.of("pinned", true, "muted", true, "mutedUntil", "2099-01-01T00:00:00Z"));
        assertThat(pin.status()).isEqualTo(200);
        assertThat(pin.body().path("pinned").asBoolean()).isTrue();
        assertThat(pin.body().path("mutedUntil").asText()).isEqualTo("2099-01-01T00:00:00Z");

        Reply page1 = call("GET", "/conversations?kind=group&limit=1", eve, null);
        assertThat(page1.status()).isEqualTo(200);
        assertThat(page1.body().path("items")).hasSize(1);
        assertThat(page1.body().path("items").path(0).path("conversation").path("id").asText()).isEqualTo(older);
        assertThat(page1.body().path("items").path(0).path("me").path("settings").path("pinned").asBoolean()).isTrue();
        String cursor = page1.body().path("nextCursor").asText();
        Reply page2 = call("GET", "/conversations?kind=group&limit=1&cursor=" + cursor, eve, null);
        assertThat(page2.body().path("items").path(0).path("conversation").path("id").asText()).isEqualTo(newer);

        assertThat(call("GET", "/conversations?pinned=true", eve, null).body().path("items")).hasSize(1);
        assertThat(call("GET", "/conversations?q=Newer", eve, null).body().path("items")).hasSize(1);
        assertThat(call("GET", "/conversations?kind=direct", eve, null).body().path("items")).isEmpty();

        Reply bad = call("GET", "/conversations?limit=ten&kind=foo&archived=maybe", eve, null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("error").path("details")).extracting(d -> d.path("field").asText())
                .containsExactly("kind", "archived", "limit");
        assertThat(call("GET", "/conversations?cursor=not-ours", eve, null).errorField()).isEqualTo("cursor");
        Reply badTime = call("PATCH", "/conversations/" + older + "/settings", eve, Map.of("mutedUntil", "soon"));
        assertThat(badTime.errorField()).isEqualTo("mutedUntil");
    }

    @Test
    void thePlatformManagesConversationsButHasNoPersonalList() {
        Reply created = http.call("POST", "/api/v1/conversations", Auth.PLATFORM, Map.of("kind", "course", "title", "Physics",
                "courseId", "course-phys", "members", List.of(Map.of("userId", ann.id(), "role", "admin"))));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("createdBy").isNull()).isTrue();
        String id = created.body().path("id").asText();
        Reply details = http.call("GET", "/api/v1/conversations/" + id, Auth.PLATFORM, null);
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.body().path("me").isNull()).isTrue();
        assertThat(details.body().path("members").path(0).path("user").path("email").asText()).isEqualTo("ann@mail.test");
        assertThat(http.call("GET", "/api/v1/conversations", Auth.PLATFORM, null).status()).isEqualTo(403);
        assertThat(http.call("GET", "/api/v1/conversations", null, null).status()).isEqualTo(401);
    }
}
