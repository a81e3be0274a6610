package dev.parley.e2e;

import static dev.parley.e2e.Expect.fails;
import static dev.parley.e2e.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.Created;
import dev.parley.client.ParleyClient;
import dev.parley.client.model.Conversation;
import dev.parley.client.model.ConversationDetails;
import dev.parley.client.model.Message;
import dev.parley.client.model.MessageType;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.client.model.NewMessage;
import dev.parley.client.model.Role;
import dev.parley.client.model.User;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class PlatformE2eTest {
    private final Chat chat;

    PlatformE2eTest(Chat chat) {
        this.chat = chat;
    }

    @Test
    void provisioningCreatesOnceAndRefreshesTheProfile() {
        ParleyClient platform = chat.platform();
        String sub = Chat.unique("host");

        User created = platform.platform().provisionUser(sub, "Dorothy Vaughan", "dorothy@example.org",
                "https://example.org/d.png");
        User again = platform.platform().provisionUser(sub, "Dorothy Vaughan", "dorothy@example.org",
                "https://example.org/d.png");
        User renamed = platform.platform().provisionUser(sub, "Dorothy J. Vaughan", null, null);

        assertThat(created.displayName()).isEqualTo("Dorothy Vaughan");
        assertThat(created.email()).isEqualTo("dorothy@example.org");
        assertThat(created.avatarUrl()).isEqualTo("https://example.org/d.png");
        assertThat(again).isEqualTo(created);
        assertThat(renamed.id()).isEqualTo(created.id());
        assertThat(renamed.displayName()).isEqualTo("Dorothy J. Vaughan");
        assertThat(renamed.email()).isEqualTo("dorothy@example.org");
        assertThat(platform.users().get(created.id()).email()).isEqualTo("dorothy@example.org");
    }

    @Test
    void onlyTheApiKeyMayProvision() {
        Person ada = chat.register("Ada");

        fails(403, () -> ada.client().platform().provisionUser(Chat.unique("host"), "Eve", null, null));
        fails(403, () -> chat.withBearer(HostTokens.sign(Chat.unique("lms"), Map.of())).platform()
                .provisionUser(Chat.unique("host"), "Eve", null, null));
        fails(401, () -> chat.anonymous().platform().provisionUser(Chat.unique("host"), "Eve", null, null));
        invalid("sub", () -> chat.platform().platform().provisionUser(null, "No Sub", null, null));
    }

    @Test
    void thePlatformRunsACourseConversationAndPostsSystemMessages() {
        ParleyClient platform = chat.platform();
        Person teacher = chat.register("Teacher");
        Person student = chat.register("Student");
        String courseId = Chat.unique("course");

        Created<Conversation> course = platform.conversations().create(NewConversation.course(courseId, "Algebra I",
                NewMember.of(teacher.id(), Role.ADMIN), NewMember.of(student.id())));
        Message notice = platform.messages().send(course.value().id(),
                NewMessage.text("notice-1", "Homework is due Friday").withType(MessageType.SYSTEM)).value();

        assertThat(course.created()).isTrue();
        assertThat(course.value().createdBy()).isNull();
        assertThat(notice.senderId()).isNull();
        assertThat(notice.type()).isEqualTo(MessageType.SYSTEM);
        assertThat(student.client().messages().get(notice.id()).text()).isEqualTo("Homework is due Friday");
        ConversationDetails details = platform.conversations().get(course.value().id());
        assertThat(details.me()).isNull();
        assertThat(details.members()).extracting(m -> m.user().id()).containsExactlyInAnyOrder(teacher.id(), student.id());
        invalid("type", () -> student.client().messages().send(course.value().id(),
                NewMessage.text("fake-system", "I am the system").withType(MessageType.SYSTEM)));
    }
}
