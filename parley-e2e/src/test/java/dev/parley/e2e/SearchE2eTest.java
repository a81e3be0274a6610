package dev.parley.e2e;

import static dev.parley.e2e.Expect.fails;
import static dev.parley.e2e.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.model.Conversation;
import dev.parley.client.model.Message;
import dev.parley.client.model.MessageType;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.client.model.NewMessage;
import dev.parley.client.model.Page;
import dev.parley.client.model.SearchQuery;
import dev.parley.client.model.SearchResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class SearchE2eTest {
    private final Chat chat;
    private Person ada;
    private Person bob;
    private Person carol;
    private Conversation team;
    private Conversation other;
    private Message accented;
    private Message plain;
    private Message html;
    private Message bobs;
    private Message code;
    private Message japanese;
    private Message chinese;

    SearchE2eTest(Chat chat) {
        this.chat = chat;
    }

    @BeforeEach
    void messages() {
        ada = chat.register("Ada");
        bob = chat.register("Bob");
        carol = chat.register("Carol");
        team = ada.client().conversations().create(NewConversation.group("Team", NewMember.of(bob.id()))).value();
        other = ada.client().conversations().openDirect(carol.id()).value();
        accented = send(ada, team, "s1", "The café opens at noon");
        plain = send(ada, team, "s2", "Meeting about the new cafe menu");
        html = send(ada, team, "s3", "<script>alert('x')</script> cafe & croissants");
        bobs = send(bob, team, "s4", "Bob likes the cafe too");
        code = ada.client().messages().send(team.id(), NewMessage.code("s5", "sql", "SELECT total FROM orders"))
                .value();
        japanese = send(ada, team, "s6", "明日は東京で会議があります");
        chinese = send(carol, other, "s7", "我们在北京的咖啡馆见面");
        send(carol, other, "s8", "Carol's cafe is private to Ada and Carol");
    }

    private static Message send(Person sender, Conversation conversation, String clientId, String text) {
        return sender.client().messages().send(conversation.id(), NewMessage.text(clientId, text)).value();
    }

    private List<String> found(Person person, SearchQuery query) {
        return person.client().search().messages(query).items().stream().map(r -> r.message().id()).toList();
    }

    @Test
    void accentsAreIgnoredInBothDirections() {
        assertThat(found(bob, SearchQuery.of("cafe"))).contains(accented.id(), plain.id(), html.id(), bobs.id());
        assertThat(found(bob, SearchQuery.of("café"))).contains(accented.id(), plain.id(), html.id(), bobs.id());
        assertThat(found(bob, SearchQuery.of("CAFÉ"))).contains(accented.id(), plain.id());
        assertThat(found(bob, SearchQuery.of("noon"))).containsExactly(accented.id());
    }

    @Test
    void chineseAndJapaneseTextIsFoundByItsWords() {
        assertThat(found(ada, SearchQuery.of("東京"))).containsExactly(japanese.id());
        assertThat(found(bob, SearchQuery.of("会議"))).containsExactly(japanese.id());
        assertThat(found(carol, SearchQuery.of("北京"))).containsExactly(chinese.id());
        assertThat(found(ada, SearchQuery.of("咖啡馆"))).containsExactly(chinese.id());
        assertThat(found(bob, SearchQuery.of("北京"))).isEmpty();
    }

    @Test
    void snippetsEscapeTheTextAndMarkTheMatches() {
        List<SearchResult> results = bob.client().search().messages(SearchQuery.of("croissants")).items();

        assertThat(results).hasSize(1);
        String snippet = results.getFirst().snippet();
        assertThat(snippet).contains("<mark>croissants</mark>");
        assertThat(snippet).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
        assertThat(results.getFirst().message().text()).isEqualTo(html.text());
    }

    @Test
    void onlyMyConversationsAreSearched() {
        assertThat(found(bob, SearchQuery.of("private"))).isEmpty();
        assertThat(found(ada, SearchQuery.of("private"))).hasSize(1);
        fails(404, () -> carol.client().search().messages(SearchQuery.of("cafe").inConversation(team.id())));
        fails(403, () -> chat.platform().search().messages(SearchQuery.of("cafe")));
    }

    @Test
    void filtersNarrowByConversationSenderTypeAndTime() {
        assertThat(found(ada, SearchQuery.of("cafe").inConversation(other.id()))).hasSize(1);
        assertThat(found(ada, SearchQuery.of("cafe").bySender(bob.id()))).containsExactly(bobs.id());
        assertThat(found(ada, SearchQuery.of("orders").ofType(MessageType.CODE))).containsExactly(code.id());
        assertThat(found(ada, SearchQuery.of("orders").ofType(MessageType.TEXT))).isEmpty();
        assertThat(found(ada, SearchQuery.of("cafe").ofType(MessageType.CODE))).isEmpty();
        Instant before = accented.createdAt().minusSeconds(3600);
        assertThat(found(ada, SearchQuery.of("cafe").between(before, before.plusSeconds(60)))).isEmpty();
        assertThat(found(ada, SearchQuery.of("noon").between(before, Instant.now().plusSeconds(60))))
                .containsExactly(accented.id());
        invalid("from", () -> ada.client().search().messages(SearchQuery.of("cafe").between(Instant.now(), before)));
        invalid("q", () -> ada.client().search().messages(SearchQuery.of(null)));
        invalid("q", () -> ada.client().search().messages(SearchQuery.of("  ")));
    }

    @Test
    void resultsArePagedBestFirstAndDeletedMessagesAreNotFound() {
        List<String> all = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        SearchQuery query = SearchQuery.of("cafe").withLimit(2);
        Page<SearchResult> page;
        int pages = 0;
        do {
            page = bob.client().search().messages(query);
            page.items().forEach(r -> {
                all.add(r.message().id());
                scores.add(r.score());
            });
            query = query.withCursor(page.nextCursor());
            pages++;
        } while (page.hasNext() && pages < 10);

        assertThat(all).doesNotHaveDuplicates().contains(accented.id(), plain.id(), html.id(), bobs.id());
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        invalid("cursor", () -> bob.client().search().messages(SearchQuery.of("cafe").withCursor("bogus")));

        ada.client().messages().delete(plain.id());
        assertThat(found(bob, SearchQuery.of("menu"))).isEmpty();
    }
}
