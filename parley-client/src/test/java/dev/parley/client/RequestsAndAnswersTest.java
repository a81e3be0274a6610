package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.StubServer.Reply;
import dev.parley.client.StubServer.Request;
import dev.parley.client.model.ConversationKind;
import dev.parley.client.model.ConversationQuery;
import dev.parley.client.model.DeliveryStatus;
import dev.parley.client.model.Message;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.client.model.NewMessage;
import dev.parley.client.model.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestsAndAnswersTest {
    private static final String CONVERSATION = """
            {"id":"c1","kind":"group","title":"Team","description":null,"avatarUrl":null,"courseId":null,
             "archived":false,"createdBy":"u1","createdAt":"2026-01-05T09:00:00Z",
             "lastActivityAt":"2026-01-05T09:00:00Z","lastSeq":1}""";

    @Test
    void theApiKeyIsSentOnlyWithoutABearerToken() throws Exception {
        try (StubServer stub = new StubServer(r -> Reply.json(200, "{\"items\":[]}"))) {
            ParleyClient platform = ParleyClient.builder(stub.url()).apiKey("k-1").build();
            ParleyClient user = ParleyClient.builder(stub.url()).apiKey("k-1").bearerToken("jwt").build();

            platform.users().blocks();
            user.users().blocks();

            List<Request> requests = stub.requests();
            assertThat(requests.get(0).header("X-Parley-Api-Key")).isEqualTo("k-1");
            assertThat(requests.get(0).header("Authorization")).isNull();
            assertThat(requests.get(1).header("Authorization")).isEqualTo("Bearer jwt");
            assertThat(requests.get(1).header("X-Parley-Api-Key")).isNull();
        }
    }

    @Test
    void bodiesAreJsonWithoutNullFieldsAndEnumsInWireForm() throws Exception {
        try (StubServer stub = new StubServer(r -> Reply.json(201, CONVERSATION))) {
            ParleyClient client = ParleyClient.builder(stub.url()).bearerToken("t").build();

            client.conversations().create(NewConversation.group("Team", NewMember.of("u2", Role.MODERATOR),
                    NewMember.of("u3")));

            Request request = stub.requests().getFirst();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/v1/conversations");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.body()).isEqualTo(
                    "{\"kind\":\"group\",\"title\":\"Team\",\"members\":[{\"userId\":\"u2\",\"role\":\"moderator\"},{\"userId\":\"u3\"}]}");
        }
    }

    @Test
    void createdTellsA201FromA200() throws Exception {
        List<Integer> statuses = new ArrayList<>(List.of(201, 200));
        try (StubServer stub = new StubServer(r -> Reply.json(statuses.removeFirst(), CONVERSATION))) {
            ParleyClient client = ParleyClient.builder(stub.url()).bearerToken("t").build();

            Created<dev.parley.client.model.Conversation> first = client.conversations().openDirect("u2");
            Created<dev.parley.client.model.Conversation> second = client.conversations().openDirect("u2");

            assertThat(first.created()).isTrue();
            assertThat(second.created()).isFalse();
            assertThat(second.value().kind()).isEqualTo(ConversationKind.GROUP);
            assertThat(stub.requests().getFirst().body()).isEqualTo("{\"userId\":\"u2\"}");
        }
    }

    @Test
    void pathSegmentsAndQueryValuesAreEncodedAndNullParametersLeftOut() throws Exception {
        try (StubServer stub = new StubServer(r -> r.method().equals("GET")
                ? Reply.json(200, "{\"items\":[],\"nextCursor\":null}") : Reply.empty(204))) {
            ParleyClient client = ParleyClient.builder(stub.url()).bearerToken("t").build();

            client.messages().react("m 1", "👍");
            client.conversations().list(ConversationQuery.ALL.withKind(ConversationKind.COURSE).withQ("a&b c")
                    .withLimit(5));
            client.conversations().list(ConversationQuery.ALL);

            List<Request> requests = stub.requests();
            assertThat(requests.get(0).path()).isEqualTo("/api/v1/messages/m%201/reactions/%F0%9F%91%8D");
            assertThat(requests.get(0).header("Content-Type")).isNull();
            assertThat(requests.get(1).rawQuery()).isEqualTo("kind=course&q=a%26b%20c&limit=5");
            assertThat(requests.get(2).rawQuery()).isNull();
        }
    }

    @Test
    void answersWithUnknownFieldsAndEnumValuesStillRead() throws Exception {
        String message = """
                {"id":"m1","conversationId":"c1","seq":3,"senderId":"u1","clientMessageId":"x","type":"hologram",
                 "text":"hi","codeLanguage":null,"attachments":[],"replyToId":null,"threadRootId":null,"mentions":[],
                 "mentionAll":false,"forwardedFrom":null,"createdAt":"2026-01-05T09:00:00Z","editedAt":null,
                 "deletedAt":null,"deletedBy":null,"thread":{"replyCount":0,"lastReplyAt":null,"participantIds":[]},
                 "reactions":[{"emoji":"👍","count":2,"me":true,"userIds":["u1","u2"],"skin":"dark"}],"pinned":true,
                 "delivery":{"status":"read_all","deliveredTo":1,"readBy":1,"recipients":1,"readerIds":["u2"]},
                 "futureField":{"nested":[1,2,3]}}""";
        try (StubServer stub = new StubServer(r -> Reply.json(200, message))) {
            ParleyClient client = ParleyClient.builder(stub.url()).bearerToken("t").build();

            Message m = client.messages().get("m1");

            assertThat(m.type()).isEqualTo(dev.parley.client.model.MessageType.UNKNOWN);
            assertThat(m.reaction("👍").count()).isEqualTo(2);
            assertThat(m.reaction("👍").me()).isTrue();
            assertThat(m.delivery().status()).isEqualTo(DeliveryStatus.READ_ALL);
            assertThat(m.pinned()).isTrue();
            assertThat(m.isDeleted()).isFalse();
        }
    }

    @Test
    void aMessageSendCarriesOnlyWhatWasSet() throws Exception {
        try (StubServer stub = new StubServer(r -> Reply.json(400,
                "{\"error\":{\"code\":\"validation_failed\",\"message\":\"x\",\"details\":[]}}"))) {
            ParleyClient client = ParleyClient.builder(stub.url()).bearerToken("t").build();

            try {
                client.messages().send("c1", NewMessage.text("c-1", "hi @b").mentioning("u2").inThread("m0"));
            } catch (ParleyApiException expected) {
                // the stub refuses everything; only the request matters here
            }

            assertThat(stub.requests().getFirst().body()).isEqualTo(
                    "{\"clientMessageId\":\"c-1\",\"type\":\"text\",\"text\":\"hi @b\",\"threadRootId\":\"m0\",\"mentions\":[\"u2\"]}");
        }
    }
}
