package dev.parley.server.api.dto;

import dev.parley.core.access.Actor;
import dev.parley.core.conversation.MemberProfile;
import dev.parley.server.http.dto.UserJson;
import java.time.Instant;

/**
 * A member in a member list, with the public profile. The e-mail is shown on the viewer's own
 * entry and to the platform, null for everyone else (as on {@code GET /users/{id}}).
 */
public record MemberProfileJson(
        String userId,
        String role,
        Instant joinedAt,
        long readSeq,
        long deliveredSeq,
        UserJson user) {

    public static MemberProfileJson of(MemberProfile p, Actor viewer) {
        var m = p.member();
        boolean withEmail = viewer instanceof Actor.Platform || p.user().id().equals(viewer.userIdOrNull());
        return new MemberProfileJson(m.userId(), m.role().wireName(), m.joinedAt(), m.readSeq(), m.deliveredSeq(),
                UserJson.of(p.user(), withEmail));
    }
}
