package dev.parley.e2e;

import static dev.parley.e2e.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.model.Conversation;
import dev.parley.client.model.ConversationKind;
import dev.parley.client.model.ConversationQuery;
import dev.parley.client.model.ConversationSummary;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.client.model.NewMessage;
import dev.parley.client.model.Page;
import dev.parley.client.model.Role;
import dev.parley.client.model.SettingsUpdate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class ConversationListE2eTest {
    private final Chat chat;
    private Person ada;
    private Person peer;
    private String tag;
    private String courseId;
    private Conversation alpha;
    private Conversation beta;
    private Conversation course;
    private Conversation news;
    private Conversation direct;

    ConversationListE2eTest(Chat chat) {
        this.chat = chat;
    }

    /** Ada's conversations, created in this order; then a message makes Alpha the most recently active. */
    @BeforeEach
    void conversations() {
        ada = chat.register("Ada");
        peer = chat.register("Peer");
        tag = Chat.unique("tag");
        courseId = Chat.unique("course");
        alpha = create(NewConversation.group("Alpha " + tag, NewMember.of(peer.id())));
        beta = create(NewConversation.group("Beta " + tag));
        course = create(NewConversation.course(courseId, "Course " + tag));
        news = create(NewConversation.announcement("News " + tag));
        direct = ada.client().conversations().openDirect(peer.id()).value();
        peer.client().messages().send(alpha.id(), NewMessage.text("latest", "Latest news"));
    }

    private Conversation create(NewConversation spec) {
        return ada.client().conversations().create(spec).value();
    }

    private List<String> ids(ConversationQuery query) {
        return ada.client().conversations().list(query).items().stream().map(s -> s.conversation().id()).toList();
    }

    @Test
    void conversationsAreOrderedByLastActivityWithPinnedFirst() {
        assertThat(ids(ConversationQuery.ALL))
                .containsExactly(alpha.id(), direct.id(), news.id(), course.id(), beta.id());

        ada.client().conversations().updateSettings(beta.id(), SettingsUpdate.pinned(true));
        ada.client().conversations().updateSettings(course.id(), SettingsUpdate.pinned(true));

        assertThat(ids(ConversationQuery.ALL))
                .containsExactly(course.id(), beta.id(), alpha.id(), direct.id(), news.id());
        assertThat(ids(ConversationQuery.ALL.withPinned(true))).containsExactly(course.id(), beta.id());
        assertThat(ids(ConversationQuery.ALL.withPinned(false))).containsExactly(alpha.id(), direct.id(), news.id());
    }

    @Test
    void eachRowCarriesMyMembershipTheLastMessageAndTheDirectPeer() {
        List<ConversationSummary> rows = ada.client().conversations().list(ConversationQuery.ALL).items();

        ConversationSummary alphaRow = rows.get(0);
        assertThat(alphaRow.me().role()).isEqualTo(Role.OWNER);
        assertThat(alphaRow.me().userId()).isEqualTo(ada.id());
        assertThat(alphaRow.lastMessage().text()).isEqualTo("Latest news");
        assertThat(alphaRow.lastMessageSenderName()).isEqualTo("Peer");
        assertThat(alphaRow.unreadCount()).isEqualTo(1);
        assertThat(alphaRow.directPeer()).isNull();
        ConversationSummary directRow = rows.get(1);
        assertThat(directRow.directPeer().id()).isEqualTo(peer.id());
        assertThat(directRow.directPeer().email()).isNull();
        assertThat(directRow.lastMessage()).isNull();
        assertThat(directRow.lastMessageSenderName()).isNull();
        assertThat(directRow.unreadCount()).isZero();
    }

    @Test
    void filtersNarrowByKindCourseTitleAndPeerName() {
        assertThat(ids(ConversationQuery.ALL.withKind(ConversationKind.GROUP))).containsExactly(alpha.id(), beta.id());
        assertThat(ids(ConversationQuery.ALL.withKind(ConversationKind.COURSE))).containsExactly(course.id());
        assertThat(ids(ConversationQuery.ALL.withKind(ConversationKind.ANNOUNCEMENT))).containsExactly(news.id());
        assertThat(ids(ConversationQuery.ALL.withKind(ConversationKind.DIRECT))).containsExactly(direct.id());
        assertThat(ids(ConversationQuery.ALL.withCourseId(courseId))).containsExactly(course.id());
        assertThat(ids(ConversationQuery.ALL.withQ("alpha " + tag))).containsExactly(alpha.id());
        assertThat(ids(ConversationQuery.ALL.withQ(tag))).containsExactly(alpha.id(), news.id(), course.id(), beta.id());
        assertThat(ids(ConversationQuery.ALL.withQ(peer.username()))).containsExactly(direct.id());
        assertThat(ids(ConversationQuery.ALL.withQ("nothing-is-called-this"))).isEmpty();
        assertThat(peer.client().conversations().list(ConversationQuery.ALL).items())
                .extracting(s -> s.conversation().id()).containsExactly(alpha.id(), direct.id());
    }

    @Test
    void hiddenConversationsAreListedOnlyWhenAskedFor() {
        ada.client().conversations().updateSettings(beta.id(), SettingsUpdate.hidden(true));

        assertThat(ids(ConversationQuery.ALL)).doesNotContain(beta.id()).hasSize(4);
        assertThat(ids(ConversationQuery.ALL.withIncludeHidden(true))).contains(beta.id()).hasSize(5);

        ada.client().conversations().updateSettings(beta.id(), SettingsUpdate.hidden(false));
        assertThat(ids(ConversationQuery.ALL)).contains(beta.id());
    }

    @Test
    void cursorPagingVisitsEveryConversationOnceInOrder() {
        ada.client().conversations().updateSettings(news.id(), SettingsUpdate.pinned(true));
        List<String> seen = new ArrayList<>();
        ConversationQuery query = ConversationQuery.ALL.withLimit(2);
        Page<ConversationSummary> page;
        int pages = 0;
        do {
            page = ada.client().conversations().list(query);
            page.items().forEach(s -> seen.add(s.conversation().id()));
            query = query.withCursor(page.nextCursor());
            pages++;
        } while (page.hasNext() && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(news.id(), alpha.id(), direct.id(), course.id(), beta.id());
        invalid("cursor", () -> ada.client().conversations().list(ConversationQuery.ALL.withCursor("not-a-cursor!")));
        invalid("limit", () -> ada.client().conversations().list(ConversationQuery.ALL.withLimit(0)));
    }
}
