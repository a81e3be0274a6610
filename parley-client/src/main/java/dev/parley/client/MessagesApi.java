package dev.parley.client;

import static dev.parley.client.Transport.fields;

import dev.parley.client.Transport.Call;
import dev.parley.client.model.HistoryQuery;
import dev.parley.client.model.Message;
import dev.parley.client.model.MessageEdit;
import dev.parley.client.model.MessagePage;
import dev.parley.client.model.NewMessage;
import java.util.List;

/** Messages: send, read history, edit, delete, react, pin and forward. */
public final class MessagesApi {
    private final Transport transport;

    MessagesApi(Transport transport) {
        this.transport = transport;
    }

    /** Sends a message; a retry with the same client message id returns the original ({@code created} false). */
    public Created<Message> send(String conversationId, NewMessage message) {
        return created(Call.of("POST", Query.path("/conversations/%s/messages", conversationId).toString(), message));
    }

    /** One page of history in ascending seq. */
    public MessagePage history(String conversationId, HistoryQuery query) {
        String path = Query.path("/conversations/%s/messages", conversationId)
                .param("before", query.before()).param("after", query.after()).param("around", query.around())
                .param("firstUnread", query.firstUnread()).param("thread", query.thread())
                .param("limit", query.limit()).param("markRead", query.markRead()).toString();
        return transport.body(Call.of("GET", path, null), MessagePage.class);
    }

    /** The pinned messages of a conversation. */
    public List<Message> pins(String conversationId) {
        return transport.items(Call.of("GET", Query.path("/conversations/%s/pins", conversationId).toString(), null),
                Message.class);
    }

    public Message get(String messageId) {
        return transport.body(Call.of("GET", Query.path("/messages/%s", messageId).toString(), null), Message.class);
    }

    /** Replaces my message's text and mentions; the old text goes to the edit history. */
    public Message edit(String messageId, String text, List<String> mentions, boolean mentionAll) {
        return transport.body(Call.of("PATCH", Query.path("/messages/%s", messageId).toString(),
                fields("text", text, "mentions", mentions, "mentionAll", mentionAll)), Message.class);
    }

    public Message edit(String messageId, String text) {
        return edit(messageId, text, null, false);
    }

    /** Deletes a message; returns its tombstone. */
    public Message delete(String messageId) {
        return transport.body(Call.of("DELETE", Query.path("/messages/%s", messageId).toString(), null), Message.class);
    }

    /** Earlier versions, oldest first. */
    public List<MessageEdit> edits(String messageId) {
        return transport.items(Call.of("GET", Query.path("/messages/%s/edits", messageId).toString(), null),
                MessageEdit.class);
    }

    public void react(String messageId, String emoji) {
        transport.body(Call.of("PUT", Query.path("/messages/%s/reactions/%s", messageId, emoji).toString(), null),
                Void.class);
    }

    public void unreact(String messageId, String emoji) {
        transport.body(Call.of("DELETE", Query.path("/messages/%s/reactions/%s", messageId, emoji).toString(), null),
                Void.class);
    }

    public void pin(String messageId) {
        transport.body(Call.of("PUT", Query.path("/messages/%s/pin", messageId).toString(), null), Void.class);
    }

    public void unpin(String messageId) {
        transport.body(Call.of("DELETE", Query.path("/messages/%s/pin", messageId).toString(), null), Void.class);
    }

    /** Copies a message into another conversation; idempotent per {@code clientMessageId}. */
    public Created<Message> forward(String messageId, String targetConversationId, String clientMessageId) {
        return created(Call.of("POST", Query.path("/messages/%s/forward", messageId).toString(),
                fields("conversationId", targetConversationId, "clientMessageId", clientMessageId)));
    }

    private Created<Message> created(Call call) {
        Transport.Response<Message> response = transport.send(call, transport.type(Message.class));
        return new Created<>(response.body(), response.status() == 201);
    }
}
