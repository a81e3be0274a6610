package dev.parley.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.Ports;
import dev.parley.core.access.Actor;
import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.ConversationService;
import dev.parley.core.conversation.NewConversation;
import dev.parley.core.conversation.Role;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.message.Message;
import dev.parley.core.message.StoredMessage;
import dev.parley.core.message.MessageService;
import dev.parley.core.message.NewMessage;
import dev.parley.core.message.SendResult;
import dev.parley.core.user.User;
import dev.parley.testkit.ManualClock;
import dev.parley.testkit.RecordingEventBus;
import dev.parley.testkit.StoreFixture;
import dev.parley.testkit.TestPorts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Core's {@link MessageService} over the stores under load: {@value #THREADS} virtual threads send
 * {@value #SENDS} messages each into one conversation at once. Threads {@code t} and
 * {@code t + SENDERS} act for the same person and send every other message with the same client
 * message id, as a client retrying on two connections would. Afterwards every seq from 1 to the
 * conversation's last is used exactly once across messages and events, and each client message
 * id has exactly one message.
 */
@Timeout(120)
public abstract class SendConcurrencyContract {
    private static final int THREADS = 8;
    private static final int SENDERS = THREADS / 2;
    private static final int SENDS = 50;

    protected abstract StoreFixture fixture();

    private Ports ports;
    private List<User> senders;
    private Conversation conversation;

    @BeforeEach
    void setUp() {
        fixture().reset();
        ports = TestPorts.of(fixture(), new ManualClock(), new RecordingEventBus());
        ContractData data = new ContractData(fixture());
        senders = LongStream.range(0, SENDERS).mapToObj(i -> data.user("sender" + i)).toList();
        List<ChatEvent.InitialMember> members = senders.stream().skip(1)
                .map(u -> new ChatEvent.InitialMember(u.id(), Role.MEMBER)).toList();
        conversation = new ConversationService(ports).create(Actor.user(senders.getFirst().id()),
                new NewConversation(ConversationKind.GROUP, "Load", null, null, null, members)).conversation();
    }

    @Test
    void concurrentSendsGetGapFreeSeqsAndRetriesNeverDuplicate() throws Exception {
        MessageService service = new MessageService(ports);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<SendResult>>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    start.await();
                    User sender = senders.get(thread % SENDERS);
                    List<SendResult> results = new ArrayList<>();
                    for (int i = 0; i < SENDS; i++) {
                        String clientId = i % 2 == 0 ? "shared-" + i : "own-" + thread + "-" + i;
                        results.add(service.send(Actor.user(sender.id()), conversation.id(),
                                NewMessage.text(clientId, "message " + clientId + " from " + thread)));
                    }
                    return results;
                }));
            }
            start.countDown();
            List<SendResult> all = new ArrayList<>();
            for (Future<List<SendResult>> future : futures) all.addAll(future.get(100, TimeUnit.SECONDS));
            verify(all);
        }
    }

    private void verify(List<SendResult> results) {
        int uniqueSends = SENDERS * (SENDS / 2 + 2 * (SENDS / 2));
        Map<String, String> messageIdByClientId = new HashMap<>();
        for (SendResult r : results) {
            String key = r.message().senderId() + "/" + r.message().clientMessageId();
            String earlier = messageIdByClientId.putIfAbsent(key, r.message().id());
            assertThat(earlier == null || earlier.equals(r.message().id()))
                    .as("one message for %s", key).isTrue();
        }
        assertThat(messageIdByClientId).hasSize(uniqueSends);
        assertThat(results.stream().filter(SendResult::created).count()).isEqualTo(uniqueSends);

        long lastSeq = ports.conversations().findById(conversation.id()).orElseThrow().lastSeq();
        assertThat(lastSeq).as("conversation.created plus one seq per message").isEqualTo(uniqueSends + 1L);
        List<Message> stored = ports.messages().page(conversation.id(), null, null, 0L, 1000).stream()
                .map(StoredMessage::message).toList();
        assertThat(stored).hasSize(uniqueSends);
        assertThat(stored).extracting(Message::id).doesNotHaveDuplicates();
        assertThat(ports.messages().countLive(conversation.id())).isEqualTo(uniqueSends);

        List<ChatEvent> events = ports.eventLog().readAfter(conversation.id(), 0, 1000);
        assertThat(events).extracting(ChatEvent::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, lastSeq).boxed().toList());
        List<Long> messageSeqs = stored.stream().map(Message::seq).toList();
        List<Long> createdSeqs = events.stream().filter(e -> e instanceof ChatEvent.MessageCreated)
                .map(ChatEvent::seq).toList();
        assertThat(messageSeqs).containsExactlyElementsOf(createdSeqs);
        assertThat(events.getFirst()).isInstanceOf(ChatEvent.ConversationCreated.class);
    }
}
