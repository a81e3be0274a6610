package dev.parley.core.access;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.Member;
import dev.parley.core.error.ParleyException;
import dev.parley.core.port.ConversationStore;

/**
 * What an actor may do in one conversation. A conversation an actor cannot see is reported as
 * not found (404); one it sees but may not act in as forbidden (403); an archived one refuses
 * changes with a conflict (409). {@code member} is null for the platform; {@code memberCount} is
 * the number of members as read with a person's access (-1 for the platform, which is not told it).
 */
public record Access(Conversation conversation, Member member, Actor actor, long memberCount) {

    /** Loads the conversation as {@code actor} sees it: 404 unless it exists and the actor is a member or the platform. */
    public static Access of(ConversationStore store, Actor actor, String conversationId) {
        if (actor instanceof Actor.Person(String userId)) {
            ConversationStore.WithMember seen = store.findWithMember(conversationId, userId)
                    .filter(found -> found.member() != null)
                    .orElseThrow(() -> ParleyException.notFound("Conversation"));
            return new Access(seen.conversation(), seen.member(), actor, seen.memberCount());
        }
        Conversation conversation = store.findById(conversationId)
                .orElseThrow(() -> ParleyException.notFound("Conversation"));
        return new Access(conversation, null, actor, -1);
    }

    public boolean isPlatform() {
        return member == null;
    }

    public boolean allows(Permission permission) {
        return isPlatform() || Permissions.allows(conversation.kind(), member.role(), permission);
    }

    public Access require(Permission permission) {
        if (!allows(permission)) {
            throw ParleyException.forbidden("Your role in this conversation does not allow this");
        }
        return this;
    }

    public Access requireActive() {
        if (conversation.archived()) {
            throw ParleyException.conflict("The conversation is archived and read-only");
        }
        return this;
    }

    public String conversationId() {
        return conversation.id();
    }
}
