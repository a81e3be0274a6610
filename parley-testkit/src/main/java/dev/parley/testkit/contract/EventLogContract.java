package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.ContractAssertions.assertConflict;
import static dev.parley.testkit.contract.ContractData.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.Role;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.event.ChatEvent.InitialMember;
import dev.parley.core.message.Attachment;
import dev.parley.core.message.Message;
import dev.parley.core.message.MessageType;
import dev.parley.core.port.EventLog;
import dev.parley.core.user.User;
import dev.parley.testkit.StoreFixture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link EventLog}; extend it with a fixture of the adapter under test. */
public abstract class EventLogContract {
    protected abstract StoreFixture fixture();

    private EventLog log;
    private Conversation team;
    private User alice;
    private ContractData data;

    @BeforeEach
    void resetStore() {
        fixture().reset();
        log = fixture().eventLog();
        data = new ContractData(fixture());
        alice = data.user("alice");
        team = data.group("Team", alice);
    }

    /** One event of every type of the catalogue, with seqs 1, 2, 3, ... */
    private List<ChatEvent> everyType(String c) {
        Message message = new Message("m_1", c, 2, alice.id(), "cm-1", MessageType.FILE, "see attached", null,
                List.of(new Attachment("f_1", null, "notes.pdf", 1234, "application/pdf", null, null, null)),
                "m_0", "m_root", List.of(alice.id()), true, new Message.Forwarded("m_9", "c_9", "u_9"), at(2),
                at(3), null, null, new Message.ThreadStats(2, at(4), List.of("u_a", "u_b")));
        return List.of(
                new ChatEvent.ConversationCreated(c, 1, at(1), team, List.of(new InitialMember(alice.id(), Role.OWNER))),
                new ChatEvent.MessageCreated(c, 2, at(2), message),
                new ChatEvent.MessageEdited(c, 3, at(3), "m_1", "edited ✓", List.of("u_b"), false),
                new ChatEvent.MessageDeleted(c, 4, at(4), "m_1", null),
                new ChatEvent.ReactionAdded(c, 5, at(5), "m_1", alice.id(), "👍🏽"),
                new ChatEvent.ReactionRemoved(c, 6, at(6), "m_1", alice.id(), "👍🏽"),
                new ChatEvent.MessagePinned(c, 7, at(7), "m_1", alice.id()),
                new ChatEvent.MessageUnpinned(c, 8, at(8), "m_1", null),
                new ChatEvent.ConversationUpdated(c, 9, at(9), "New \"title\"", null, "https://img.example/x", alice.id()),
                new ChatEvent.ConversationArchived(c, 10, at(10), true, null),
                new ChatEvent.MemberAdded(c, 11, at(11), "u_b", Role.MODERATOR, alice.id()),
                new ChatEvent.MemberRemoved(c, 12, at(12), "u_b", "u_b"),
                new ChatEvent.MemberRoleChanged(c, 13, at(13), alice.id(), Role.ADMIN, alice.id()));
    }

    @Test
    void everyEventTypeComesBackAsTheSameRecord() {
        List<ChatEvent> events = everyType(team.id());
        assertThat(events).extracting(ChatEvent::type).containsExactlyInAnyOrderElementsOf(ChatEvent.TYPES);

        events.forEach(log::append);

        assertThat(log.readAfter(team.id(), 0, 100)).containsExactlyElementsOf(events);
    }

    @Test
    void readAfterReturnsLaterEventsInSeqOrderUpToTheLimit() {
        List<ChatEvent> events = new ArrayList<>(everyType(team.id()));
        Conversation other = data.group("Other", alice);
        Collections.reverse(events);
        events.forEach(log::append);
        log.append(new ChatEvent.MemberRemoved(other.id(), 1, at(1), alice.id(), alice.id()));
        Collections.reverse(events);

        assertThat(log.readAfter(team.id(), 0, 3)).containsExactlyElementsOf(events.subList(0, 3));
        assertThat(log.readAfter(team.id(), 10, 100)).containsExactlyElementsOf(events.subList(10, 13));
        assertThat(log.readAfter(team.id(), 11, 1)).containsExactly(events.get(11));
        assertThat(log.readAfter(team.id(), 13, 100)).isEmpty();
        assertThat(log.readAfter(other.id(), 0, 100)).extracting(ChatEvent::seq).containsExactly(1L);
        assertThat(log.readAfter("c_404", 0, 100)).isEmpty();
    }

    @Test
    void aSeqHoldsOneEvent() {
        log.append(new ChatEvent.MemberAdded(team.id(), 1, at(1), "u_b", Role.MEMBER, alice.id()));

        assertConflict(() -> log.append(new ChatEvent.MemberRemoved(team.id(), 1, at(2), "u_b", alice.id())));
        assertThat(log.readAfter(team.id(), 0, 10)).extracting(ChatEvent::type).containsExactly("member.added");
    }
}
