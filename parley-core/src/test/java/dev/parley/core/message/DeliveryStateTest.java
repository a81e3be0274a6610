package dev.parley.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.conversation.Member;
import dev.parley.core.conversation.MemberSettings;
import dev.parley.core.conversation.Role;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryStateTest {
    private static final Message MINE = NewMessages.at("u_me", 5);

    @Test
    void sentUntilSomeoneReceivesIt() {
        var state = MessageReader.deliveryState(MINE, List.of(member("u_me", 5, 5), member("u_a", 4, 4), member("u_b", 0, 0)));
        assertThat(state.status()).isEqualTo(DeliveryState.Status.SENT);
        assertThat(state.recipients()).isEqualTo(2);
    }

    @Test
    void deliveredToSomeThenAll() {
        assertThat(MessageReader.deliveryState(MINE, List.of(member("u_a", 0, 5), member("u_b", 0, 4))).status())
                .isEqualTo(DeliveryState.Status.DELIVERED_SOME);
        assertThat(MessageReader.deliveryState(MINE, List.of(member("u_a", 0, 5), member("u_b", 0, 9))).status())
                .isEqualTo(DeliveryState.Status.DELIVERED_ALL);
    }

    @Test
    void readBySomeThenAllWithReaders() {
        var some = MessageReader.deliveryState(MINE, List.of(member("u_a", 5, 5), member("u_b", 0, 9)));
        assertThat(some.status()).isEqualTo(DeliveryState.Status.READ_SOME);
        assertThat(some.readerIds()).containsExactly("u_a");
        assertThat(some.deliveredTo()).isEqualTo(2);
        var all = MessageReader.deliveryState(MINE, List.of(member("u_me", 0, 0), member("u_a", 7, 7), member("u_b", 6, 6)));
        assertThat(all.status()).isEqualTo(DeliveryState.Status.READ_ALL);
        assertThat(all.readBy()).isEqualTo(2);
    }

    @Test
    void aReadMarkerImpliesDelivery() {
        var state = MessageReader.deliveryState(MINE, List.of(member("u_a", 5, 0)));
        assertThat(state.deliveredTo()).isEqualTo(1);
    }

    private static Member member(String userId, long readSeq, long deliveredSeq) {
        return new Member("c_1", userId, Role.MEMBER, Instant.EPOCH, readSeq, deliveredSeq, MemberSettings.DEFAULT);
    }

    private static final class NewMessages {
        static Message at(String sender, long seq) {
            return new Message("m_1", "c_1", seq, sender, "c-1", MessageType.TEXT, "hi", null, List.of(), null, null,
                    List.of(), false, null, Instant.EPOCH, null, null, null, Message.ThreadStats.NONE);
        }
    }
}
