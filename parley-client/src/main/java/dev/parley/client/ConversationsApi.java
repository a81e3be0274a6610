package dev.parley.client;

import static dev.parley.client.Transport.fields;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.Transport.Call;
import dev.parley.client.model.Conversation;
import dev.parley.client.model.ConversationDetails;
import dev.parley.client.model.ConversationQuery;
import dev.parley.client.model.ConversationSummary;
import dev.parley.client.model.Member;
import dev.parley.client.model.MemberProfile;
import dev.parley.client.model.MemberSettings;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.Page;
import dev.parley.client.model.Role;
import dev.parley.client.model.SettingsUpdate;
import java.util.List;

/** Conversations, their members, my settings in them and my read and delivered markers. */
public final class ConversationsApi {
    private final Transport transport;

    ConversationsApi(Transport transport) {
        this.transport = transport;
    }

    /** Opens the direct conversation with {@code userId}; created only the first time. */
    public Created<Conversation> openDirect(String userId) {
        return created(Call.of("POST", Transport.API + "/conversations/direct", fields("userId", userId)));
    }

    /** Creates a group, course or announcement conversation; an already linked course id returns that one. */
    public Created<Conversation> create(NewConversation spec) {
        return created(Call.of("POST", Transport.API + "/conversations", spec));
    }

    /** One page of my conversations, pinned first, then by last activity. */
    public Page<ConversationSummary> list(ConversationQuery query) {
        String path = Query.path("/conversations")
                .param("kind", query.kind() == null ? null : query.kind().wireName())
                .param("courseId", query.courseId()).param("archived", query.archived())
                .param("pinned", query.pinned()).param("q", query.q()).param("includeHidden", query.includeHidden())
                .param("cursor", query.cursor()).param("limit", query.limit()).toString();
        return transport.<Page<ConversationSummary>>send(Call.of("GET", path, null),
                transport.type(Page.class, ConversationSummary.class)).body();
    }

    public ConversationDetails get(String conversationId) {
        return transport.body(Call.of("GET", Query.path("/conversations/%s", conversationId).toString(), null),
                ConversationDetails.class);
    }

    /** Changes title, description or avatar: null leaves a field, an empty string clears it (not the title). */
    public Conversation update(String conversationId, String title, String description, String avatarUrl) {
        return transport.body(Call.of("PATCH", Query.path("/conversations/%s", conversationId).toString(),
                fields("title", title, "description", description, "avatarUrl", avatarUrl)), Conversation.class);
    }

    /** Archives the conversation; it becomes read-only. */
    public Conversation archive(String conversationId) {
        return transport.body(Call.of("PUT", Query.path("/conversations/%s/archive", conversationId).toString(), null),
                Conversation.class);
    }

    public Conversation unarchive(String conversationId) {
        return transport.body(Call.of("DELETE", Query.path("/conversations/%s/archive", conversationId).toString(), null),
                Conversation.class);
    }

    public List<MemberProfile> members(String conversationId) {
        return transport.items(Call.of("GET", Query.path("/conversations/%s/members", conversationId).toString(), null),
                MemberProfile.class);
    }

    /** Adds people with one role (null: member); returns only those newly added. */
    public List<Member> addMembers(String conversationId, List<String> userIds, Role role) {
        return transport.items(Call.of("POST", Query.path("/conversations/%s/members", conversationId).toString(),
                fields("userIds", userIds, "role", role)), Member.class);
    }

    public Member changeRole(String conversationId, String userId, Role role) {
        return transport.body(Call.of("PATCH",
                Query.path("/conversations/%s/members/%s", conversationId, userId).toString(),
                fields("role", role)), Member.class);
    }

    /** Removes a member of a lower role (removing myself is leaving). */
    public void removeMember(String conversationId, String userId) {
        transport.body(Call.of("DELETE", Query.path("/conversations/%s/members/%s", conversationId, userId).toString(),
                null), Void.class);
    }

    public void leave(String conversationId) {
        transport.body(Call.of("POST", Query.path("/conversations/%s/leave", conversationId).toString(), null),
                Void.class);
    }

    /** Makes {@code userId} an owner; I become an admin. */
    public void transferOwnership(String conversationId, String userId) {
        transport.body(Call.of("POST", Query.path("/conversations/%s/transfer-ownership", conversationId).toString(),
                fields("userId", userId)), Void.class);
    }

    /** Changes my settings (mute, pin, hide); null fields stay. */
    public MemberSettings updateSettings(String conversationId, SettingsUpdate update) {
        return transport.body(Call.of("PATCH", Query.path("/conversations/%s/settings", conversationId).toString(),
                update), MemberSettings.class);
    }

    /** Marks read up to {@code seq} (null: everything); returns my read marker after the call. */
    public long markRead(String conversationId, Long seq) {
        return transport.body(Call.of("POST", Query.path("/conversations/%s/read", conversationId).toString(),
                fields("seq", seq)), JsonNode.class).path("readSeq").asLong();
    }

    /** Marks delivered up to {@code seq} (null: everything); returns my delivered marker after the call. */
    public long markDelivered(String conversationId, Long seq) {
        return transport.body(Call.of("POST", Query.path("/conversations/%s/delivered", conversationId).toString(),
                fields("seq", seq)), JsonNode.class).path("deliveredSeq").asLong();
    }

    private Created<Conversation> created(Call call) {
        Transport.Response<Conversation> response = transport.send(call, transport.type(Conversation.class));
        return new Created<>(response.body(), response.status() == 201);
    }
}
