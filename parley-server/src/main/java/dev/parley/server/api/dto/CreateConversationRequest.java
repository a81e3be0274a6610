package dev.parley.server.api.dto;

import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.NewConversation;
import dev.parley.core.conversation.Role;
import dev.parley.core.error.Validation;
import dev.parley.core.event.ChatEvent.InitialMember;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /conversations}: a group, course or announcement conversation. */
public record CreateConversationRequest(
        String kind,
        String title,
        String description,
        String avatarUrl,
        String courseId,
        List<MemberSpec> members) {

    /** A member to add at creation; {@code role} defaults to member. */
    public record MemberSpec(String userId, String role) {
    }

    /** The core request; 400 for a kind or role that is not one of the wire names. */
    public NewConversation toCore() {
        Validation v = new Validation();
        ConversationKind parsed = kind == null ? null : ConversationKind.fromWire(kind);
        v.require(kind == null || parsed != null, "kind", "must be one of group, course, announcement");
        List<InitialMember> initial = new ArrayList<>();
        if (members != null) {
            for (int i = 0; i < members.size(); i++) {
                MemberSpec spec = members.get(i);
                if (spec == null) {
                    initial.add(null);
                    continue;
                }
                Role role = spec.role() == null ? Role.MEMBER : Wire.role(spec.role(), "members[" + i + "].role", v);
                initial.add(new InitialMember(spec.userId(), role));
            }
        }
        v.throwIfInvalid();
        return new NewConversation(parsed, title, description, avatarUrl, courseId, members == null ? null : initial);
    }
}
