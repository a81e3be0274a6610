package dev.parley.server.api.dto;

import dev.parley.core.access.Actor;
import dev.parley.core.conversation.ConversationDetails;
import java.util.List;

/** A conversation with its members, live message count and the viewer's membership (null for the platform). */
public record DetailsJson(ConversationJson conversation, List<MemberProfileJson> members, long messageCount,
                          MemberJson me) {

    public static DetailsJson of(ConversationDetails d, Actor viewer) {
        return new DetailsJson(ConversationJson.of(d.conversation()),
                d.members().stream().map(p -> MemberProfileJson.of(p, viewer)).toList(),
                d.messageCount(), MemberJson.of(d.me()));
    }
}
