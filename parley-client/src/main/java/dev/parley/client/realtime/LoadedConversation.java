package dev.parley.client.realtime;

import dev.parley.client.model.ConversationSummary;
import dev.parley.client.model.MemberProfile;
import dev.parley.client.model.Message;
import java.util.List;

/**
 * A conversation read through REST: its summary (conversation, my membership, counts), its members
 * (null if not read), messages, and the position the state corresponds to. {@code replaceMessages}
 * says whether the messages replace those held (a fresh load) or are merged into them (a backfill).
 */
record LoadedConversation(ConversationSummary summary, List<MemberProfile> members, List<Message> messages,
                          long position, boolean replaceMessages) {
    String conversationId() {
        return summary.conversation().id();
    }
}
