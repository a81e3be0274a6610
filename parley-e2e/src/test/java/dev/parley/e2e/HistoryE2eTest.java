package dev.parley.e2e;

import static dev.parley.e2e.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.model.Conversation;
import dev.parley.client.model.ConversationQuery;
import dev.parley.client.model.HistoryQuery;
import dev.parley.client.model.Message;
import dev.parley.client.model.MessagePage;
import dev.parley.client.model.NewMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class HistoryE2eTest {
    private final Chat chat;
    private Person ada;
    private Person bob;
    private Conversation direct;
    /** Ten messages m[0..9], "m0" to "m9", sent by Ada. */
    private final List<Message> m = new ArrayList<>();

    HistoryE2eTest(Chat chat) {
        this.chat = chat;
    }

    @BeforeEach
    void tenMessages() {
        ada = chat.register("Ada");
        bob = chat.register("Bob");
        direct = ada.client().conversations().openDirect(bob.id()).value();
        for (int i = 0; i < 10; i++) {
            m.add(ada.client().messages().send(direct.id(), NewMessage.text("h" + i, "m" + i)).value());
        }
    }

    private MessagePage page(HistoryQuery query) {
        return bob.client().messages().history(direct.id(), query);
    }

    private static List<String> texts(MessagePage page) {
        return page.items().stream().map(Message::text).toList();
    }

    @Test
    void theNewestPageComesInAscendingSeq() {
        MessagePage newest = page(HistoryQuery.newest(4));

        assertThat(texts(newest)).containsExactly("m6", "m7", "m8", "m9");
        assertThat(newest.hasOlder()).isTrue();
        assertThat(newest.hasNewer()).isFalse();
        assertThat(newest.items()).extracting(Message::seq).isSorted();
        assertThat(texts(page(HistoryQuery.NEWEST))).hasSize(10);
    }

    @Test
    void beforeAndAfterPageBackwardsAndForwards() {
        MessagePage before = page(HistoryQuery.before(m.get(5).seq(), 3));
        MessagePage after = page(HistoryQuery.after(m.get(6).seq(), 5));
        MessagePage fromStart = page(HistoryQuery.after(0, 3));

        assertThat(texts(before)).containsExactly("m2", "m3", "m4");
        assertThat(before.hasOlder()).isTrue();
        assertThat(before.hasNewer()).isTrue();
        assertThat(texts(after)).containsExactly("m7", "m8", "m9");
        assertThat(after.hasOlder()).isTrue();
        assertThat(after.hasNewer()).isFalse();
        assertThat(texts(fromStart)).containsExactly("m0", "m1", "m2");
        assertThat(fromStart.hasOlder()).isFalse();
        assertThat(fromStart.hasNewer()).isTrue();
    }

    @Test
    void walkingBackwardsWithBeforeVisitsEveryMessageOnce() {
        List<String> seen = new ArrayList<>();
        MessagePage current = page(HistoryQuery.newest(3));
        seen.addAll(0, texts(current));
        while (current.hasOlder()) {
            current = page(HistoryQuery.before(current.items().getFirst().seq(), 3));
            seen.addAll(0, texts(current));
        }

        assertThat(seen).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
    }

    @Test
    void aroundCentresThePageOnTheMessage() {
        MessagePage around = page(HistoryQuery.around(m.get(5).id(), 4));

        List<String> texts = texts(around);
        assertThat(texts).hasSize(4).contains("m5");
        assertThat(texts.indexOf("m5")).isBetween(1, 2);
        assertThat(around.items()).extracting(Message::seq).isSorted();
        assertThat(around.hasOlder()).isTrue();
        assertThat(around.hasNewer()).isTrue();
        invalid("around", () -> page(HistoryQuery.around("no-such-message", 4)));
    }

    @Test
    void firstUnreadStartsAfterMyReadMarkerAndMarkReadMovesIt() {
        bob.client().conversations().markRead(direct.id(), m.get(6).seq());

        assertThat(texts(page(HistoryQuery.firstUnread(2)))).containsExactly("m7", "m8");
        assertThat(unread(bob)).isEqualTo(3);

        MessagePage read = page(HistoryQuery.firstUnread(5).withMarkRead(true));

        assertThat(texts(read)).containsExactly("m7", "m8", "m9");
        assertThat(unread(bob)).isZero();
        assertThat(bob.client().conversations().get(direct.id()).me().readSeq()).isEqualTo(m.get(9).seq());
        assertThat(texts(page(HistoryQuery.firstUnread(2)))).containsExactly("m8", "m9");
    }

    @Test
    void badPagingParametersAre400() {
        invalid("before", () -> page(new HistoryQuery(m.get(5).seq(), m.get(1).seq(), null, null, null, null, null)));
        invalid("before", () -> page(HistoryQuery.before(0, 5)));
        invalid("limit", () -> page(HistoryQuery.newest(0)));
        invalid("limit", () -> page(HistoryQuery.newest(101)));
        RawHttp.Answer notANumber = chat.raw().get("/api/v1/conversations/" + direct.id() + "/messages?before=soon",
                Map.of("Authorization", "Bearer " + bob.client().tokens().accessToken()));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.errorCode()).isEqualTo("validation_failed");
        assertThat(notANumber.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("before");
    }

    @Test
    void anEmptyConversationHasAnEmptyPage() {
        Person carol = chat.register("Carol");
        Conversation empty = ada.client().conversations().openDirect(carol.id()).value();

        MessagePage page = carol.client().messages().history(empty.id(), HistoryQuery.NEWEST);

        assertThat(page.items()).isEmpty();
        assertThat(page.hasOlder()).isFalse();
        assertThat(page.hasNewer()).isFalse();
    }

    private long unread(Person person) {
        return person.client().conversations().list(ConversationQuery.ALL).items().stream()
                .filter(s -> s.conversation().id().equals(direct.id())).findFirst().orElseThrow().unreadCount();
    }
}
