package dev.parley.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.Role;
import dev.parley.core.error.FieldError;
import dev.parley.core.error.ParleyException;
import dev.parley.core.event.ChatEvent.InitialMember;
import dev.parley.core.message.Attachment;
import dev.parley.core.message.MessageType;
import dev.parley.server.api.dto.AddMembersRequest;
import dev.parley.server.api.dto.ChangeRoleRequest;
import dev.parley.server.api.dto.CreateConversationRequest;
import dev.parley.server.api.dto.EditMessageRequest;
import dev.parley.server.api.dto.ForwardRequest;
import dev.parley.server.api.dto.MarkerRequest;
import dev.parley.server.api.dto.OpenDirectRequest;
import dev.parley.server.api.dto.SendMessageRequest;
import dev.parley.server.api.dto.SettingsRequest;
import dev.parley.server.api.dto.TransferOwnershipRequest;
import dev.parley.server.api.dto.UpdateConversationRequest;
import dev.parley.server.http.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request bodies as Jackson reads them with the server's mapper, and their conversion to core values. */
class RequestMappingTest {

    static <T> T read(String json, Class<T> type) throws Exception {
        return Json.MAPPER.readValue(json.replace('\'', '"'), type);
    }

    static List<FieldError> invalid(Runnable action) {
        try {
            action.run();
        } catch (ParleyException e) {
            return e.details();
        }
        throw new AssertionError("expected a validation error");
    }

    @Test
    void singleFieldRequestsReadAsObjects() throws Exception {
        assertThat(read("{'userId':'u_2'}", OpenDirectRequest.class).userId()).isEqualTo("u_2");
        assertThat(read("{'seq':5}", MarkerRequest.class).seq()).isEqualTo(5L);
        assertThat(read("{}", MarkerRequest.class)).isEqualTo(MarkerRequest.EVERYTHING);
        assertThatThrownBy(() -> read("{'userId':'u_2','extra':1}", OpenDirectRequest.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> read("{'seq':'five'}", MarkerRequest.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
    }

    @Test
    void createConversationMapsKindMembersAndRoles() throws Exception {
        var body = read("{'kind':'course','title':'Math','courseId':'c-7','members':[{'userId':'u_2'},"
                + "{'userId':'u_3','role':'moderator'}]}", CreateConversationRequest.class);
        var spec = body.toCore();
        assertThat(spec.kind()).isEqualTo(ConversationKind.COURSE);
        assertThat(spec.title()).isEqualTo("Math");
        assertThat(spec.courseId()).isEqualTo("c-7");
        assertThat(spec.members()).containsExactly(new InitialMember("u_2", Role.MEMBER),
                new InitialMember("u_3", Role.MODERATOR));
    }

    @Test
    void createConversationRefusesUnknownKindAndRole() throws Exception {
        var body = read("{'kind':'channel','title':'x','members':[{'userId':'u_2','role':'boss'}]}",
                CreateConversationRequest.class);
        assertThat(invalid(body::toCore)).containsExactly(
                new FieldError("kind", "must be one of group, course, announcement"),
                new FieldError("members[0].role", "must be one of owner, admin, moderator, member"));
        assertThatThrownBy(() -> read("{'kind':'group','title':'x','members':[{'userId':'u_2','admin':true}]}",
                CreateConversationRequest.class)).isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void createConversationLeavesMissingKindToTheServiceAndKeepsNullMembers() throws Exception {
        var spec = read("{'title':'x','members':[null]}", CreateConversationRequest.class).toCore();
        assertThat(spec.kind()).isNull();
        assertThat(spec.members()).hasSize(1).containsNull();
        assertThat(read("{'kind':'direct','title':'x'}", CreateConversationRequest.class).toCore().kind())
                .isEqualTo(ConversationKind.DIRECT);
    }

    @Test
    void updateConversationKeepsNullsAndEmptyStrings() throws Exception {
        var body = read("{'description':''}", UpdateConversationRequest.class);
        assertThat(body.title()).isNull();
        assertThat(body.description()).isEmpty();
        assertThat(body.avatarUrl()).isNull();
    }

    @Test
    void memberRequestsParseRoles() throws Exception {
        assertThat(read("{'userIds':['u_2','u_3']}", AddMembersRequest.class).parsedRole()).isNull();
        assertThat(read("{'userIds':['u_2'],'role':'admin'}", AddMembersRequest.class).parsedRole()).isEqualTo(Role.ADMIN);
        var badAdd = read("{'userIds':['u_2'],'role':'Admin'}", AddMembersRequest.class);
        assertThat(invalid(badAdd::parsedRole)).containsExactly(
                new FieldError("role", "must be one of owner, admin, moderator, member"));
        assertThat(read("{'role':'owner'}", ChangeRoleRequest.class).parsedRole()).isEqualTo(Role.OWNER);
        var noRole = read("{}", ChangeRoleRequest.class);
        assertThat(invalid(noRole::parsedRole)).containsExactly(new FieldError("role", "is required"));
        var noUser = read("{}", TransferOwnershipRequest.class);
        assertThat(invalid(noUser::requiredUserId)).containsExactly(new FieldError("userId", "is required"));
        assertThat(read("{'userId':'u_2'}", TransferOwnershipRequest.class).requiredUserId()).isEqualTo("u_2");
    }

    @Test
    void settingsParseTheMuteTime() throws Exception {
        var update = read("{'muted':true,'mutedUntil':'2026-01-06T00:00:00Z','pinned':false}", SettingsRequest.class)
                .toCore();
        assertThat(update.muted()).isTrue();
        assertThat(update.mutedUntil()).isEqualTo(Instant.parse("2026-01-06T00:00:00Z"));
        assertThat(update.pinned()).isFalse();
        assertThat(update.hidden()).isNull();
        var bad = read("{'mutedUntil':'tomorrow'}", SettingsRequest.class);
        assertThat(invalid(bad::toCore)).containsExactly(
                new FieldError("mutedUntil", "must be an ISO-8601 time such as 2026-01-05T09:00:00Z"));
        assertThatThrownBy(() -> read("{'muted':'yes'}", SettingsRequest.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
    }

    @Test
    void sendDefaultsToTextAndMapsEveryField() throws Exception {
        var text = read("{'clientMessageId':'c1','text':'hello'}", SendMessageRequest.class).toCore();
        assertThat(text.type()).isEqualTo(MessageType.TEXT);
        assertThat(text.text()).isEqualTo("hello");
        assertThat(text.mentionAll()).isFalse();
        var file = read("{'clientMessageId':'c2','type':'file','text':'see','attachments':[{'fileId':'f_1','name':'a.pdf',"
                + "'size':10,'mimeType':'application/pdf'}],'replyToId':'m_1','threadRootId':'m_0','mentions':['u_2'],"
                + "'mentionAll':true}", SendMessageRequest.class).toCore();
        assertThat(file.type()).isEqualTo(MessageType.FILE);
        assertThat(file.attachments()).containsExactly(
                new Attachment("f_1", null, "a.pdf", 10, "application/pdf", null, null, null));
        assertThat(file.replyToId()).isEqualTo("m_1");
        assertThat(file.threadRootId()).isEqualTo("m_0");
        assertThat(file.mentions()).containsExactly("u_2");
        assertThat(file.mentionAll()).isTrue();
        var code = read("{'clientMessageId':'c3','type':'code','text':'x=1','codeLanguage':'python'}",
                SendMessageRequest.class).toCore();
        assertThat(code.codeLanguage()).isEqualTo("python");
    }

    @Test
    void sendRefusesUnknownTypesAndAttachmentsWithoutSize() throws Exception {
        var body = read("{'clientMessageId':'c1','type':'gif','attachments':[{'url':'https://x.test/a.gif','name':'a',"
                + "'mimeType':'image/gif'},null]}", SendMessageRequest.class);
        assertThat(invalid(body::toCore)).containsExactly(
                new FieldError("type", "must be one of text, code, image, file, voice, system"),
                new FieldError("attachments[0].size", "is required"),
                new FieldError("attachments[1]", "is required"));
    }

    @Test
    void editAndForwardRead() throws Exception {
        var edit = read("{'text':'new','mentions':['u_2']}", EditMessageRequest.class);
        assertThat(edit.text()).isEqualTo("new");
        assertThat(edit.mentions()).containsExactly("u_2");
        assertThat(edit.mentionsAll()).isFalse();
        assertThat(read("{'text':'x','mentionAll':true}", EditMessageRequest.class).mentionsAll()).isTrue();
        var forward = read("{'conversationId':'c_2','clientMessageId':'f1'}", ForwardRequest.class);
        assertThat(forward).isEqualTo(new ForwardRequest("c_2", "f1"));
    }
}
