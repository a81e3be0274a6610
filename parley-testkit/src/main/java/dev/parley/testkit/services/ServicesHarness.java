package dev.parley.testkit.services;

import dev.parley.core.Ports;
import dev.parley.core.access.Actor;
import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.ConversationService;
import dev.parley.core.conversation.NewConversation;
import dev.parley.core.event.ChatEvent.InitialMember;
import dev.parley.core.conversation.Role;
import dev.parley.core.membership.MembershipService;
import dev.parley.core.message.Message;
import dev.parley.core.message.MessageReader;
import dev.parley.core.message.MessageService;
import dev.parley.core.message.NewMessage;
import dev.parley.core.message.ReactionService;
import dev.parley.core.receipt.ReceiptService;
import dev.parley.core.search.SearchService;
import dev.parley.core.user.AccountService;
import dev.parley.core.user.User;
import dev.parley.testkit.ManualClock;
import dev.parley.testkit.RecordingEventBus;
import dev.parley.testkit.StoreFixture;
import dev.parley.testkit.TestPorts;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The core services over a store fixture, with helpers to set up people and conversations quickly. */
public final class ServicesHarness {
    public final ManualClock clock = new ManualClock();
    public final RecordingEventBus bus = new RecordingEventBus();
    public final Ports ports;
    public final AccountService accounts;
    public final ConversationService conversations;
    public final MembershipService members;
    public final MessageService messages;
    public final ReceiptService receipts;
    public final MessageReader reader;
    public final ReactionService reactions;
    public final SearchService search;
    private final AtomicInteger clientIds = new AtomicInteger();

    public ServicesHarness(StoreFixture store) {
        this.ports = TestPorts.of(store, clock, bus);
        this.accounts = new AccountService(ports);
        this.conversations = new ConversationService(ports);
        this.members = new MembershipService(ports);
        this.messages = new MessageService(ports);
        this.receipts = new ReceiptService(ports);
        this.reader = new MessageReader(ports, receipts);
        this.reactions = new ReactionService(ports);
        this.search = new SearchService(ports);
    }

    public User user(String username) {
        return accounts.register(username, "correct horse battery", null, null);
    }

    public static Actor as(User user) {
        return Actor.user(user.id());
    }

    public Conversation group(User owner, User... others) {
        return create(ConversationKind.GROUP, owner, others);
    }

    public Conversation create(ConversationKind kind, User owner, User... others) {
        List<InitialMember> members = java.util.Arrays.stream(others).map(u -> new InitialMember(u.id(), Role.MEMBER)).toList();
        return conversations.create(as(owner), new NewConversation(kind, kind.wireName() + " room", null, null,
                kind == ConversationKind.COURSE ? "course-" + clientIds.incrementAndGet() : null, members)).conversation();
    }

    public Message send(User sender, Conversation conversation, String text) {
        return messages.send(as(sender), conversation.id(), NewMessage.text("cm-" + clientIds.incrementAndGet(), text)).message();
    }

    public long unread(User user, Conversation conversation) {
        return summary(user, conversation).unreadCount();
    }

    public dev.parley.core.conversation.ConversationSummary summary(User user, Conversation conversation) {
        return conversations.list(user.id(), new dev.parley.core.conversation.ConversationFilter(null, null, null, null, null, true),
                        null, 100).items().stream()
                .filter(s -> s.conversation().id().equals(conversation.id())).findFirst().orElseThrow();
    }
}
