package dev.parley.e2e;

import static dev.parley.e2e.Expect.fails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ParleyClient;
import dev.parley.client.model.Conversation;
import dev.parley.client.model.Message;
import dev.parley.client.model.NewMessage;
import dev.parley.client.model.User;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class HostTokenE2eTest {
    private final Chat chat;

    HostTokenE2eTest(Chat chat) {
        this.chat = chat;
    }

    @Test
    void aHostTokenProvisionsTheUserFromItsClaimsOnFirstUse() {
        String sub = Chat.unique("lms");
        ParleyClient grace = chat.withBearer(HostTokens.sign(sub, Map.of("name", "Grace Hopper",
                "email", "grace@example.org", "picture", "https://example.org/grace.png")));

        User me = grace.users().me();

        assertThat(me.displayName()).isEqualTo("Grace Hopper");
        assertThat(me.email()).isEqualTo("grace@example.org");
        assertThat(me.avatarUrl()).isEqualTo("https://example.org/grace.png");
        assertThat(grace.users().me().id()).isEqualTo(me.id());
    }

    @Test
    void laterTokensRefreshTheProfileOfTheSameUser() {
        String sub = Chat.unique("lms");
        User first = chat.withBearer(HostTokens.sign(sub, Map.of("name", "Grace"))).users().me();

        User later = chat.withBearer(HostTokens.sign(sub, Map.of("name", "Rear Admiral Grace Hopper",
                "avatar", "https://example.org/admiral.png", "email", "admiral@example.org"))).users().me();

        assertThat(later.id()).isEqualTo(first.id());
        assertThat(later.displayName()).isEqualTo("Rear Admiral Grace Hopper");
        assertThat(later.avatarUrl()).isEqualTo("https://example.org/admiral.png");
        assertThat(later.email()).isEqualTo("admiral@example.org");
    }

    @Test
    void theHostTokenAndThePlatformProvisioningNameTheSameUser() {
        String sub = Chat.unique("lms");
        User provisioned = chat.platform().platform().provisionUser(sub, "Katherine Johnson", null, null);

        User viaToken = chat.withBearer(HostTokens.sign(sub, Map.of())).users().me();

        assertThat(viaToken.id()).isEqualTo(provisioned.id());
        assertThat(viaToken.displayName()).isEqualTo("Katherine Johnson");
    }

    @Test
    void forgedExpiredOrSubjectlessTokensAre401() {
        String sub = Chat.unique("lms");
        String forged = HostTokens.sign("some-other-secret-that-is-long-enough-000", sub, Map.of("name", "Mallory"),
                Instant.now().plusSeconds(600));
        String expired = HostTokens.sign(TestServer.HOST_JWT_SECRET, sub, Map.of(), Instant.now().minusSeconds(600));
        String noSubject = HostTokens.sign(TestServer.HOST_JWT_SECRET, null, Map.of("name", "Nobody"),
                Instant.now().plusSeconds(600));

        fails(401, () -> chat.withBearer(forged).users().me());
        fails(401, () -> chat.withBearer(expired).users().me());
        fails(401, () -> chat.withBearer(noSubject).users().me());
        fails(401, () -> chat.withBearer(forged.substring(0, forged.length() - 4) + "AAAA").users().me());
    }

    @Test
    void aHostUserChatsWithARegisteredUserButHasNoPasswordToChange() {
        ParleyClient grace = chat.withBearer(HostTokens.sign(Chat.unique("lms"), Map.of("name", "Grace")));
        Person ada = chat.register("Ada");

        Conversation direct = grace.conversations().openDirect(ada.id()).value();
        Message hello = grace.messages().send(direct.id(), NewMessage.text("hello-1", "Hello Ada")).value();

        assertThat(ada.client().messages().get(hello.id()).text()).isEqualTo("Hello Ada");
        fails(403, () -> grace.auth().changePassword("anything-at-all", "brand-new-password"));
    }
}
