package dev.parley.server.ws;

import static dev.parley.server.ws.EventFrames.fields;
import static dev.parley.server.ws.Operations.data;
import static dev.parley.server.ws.Operations.requireId;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.core.access.Actor;
import dev.parley.core.error.Validation;
import dev.parley.core.message.HistoryQuery;
import dev.parley.core.message.SendResult;
import dev.parley.core.support.Inputs;
import dev.parley.server.Services;
import dev.parley.server.api.dto.HistoryJson;
import dev.parley.server.api.dto.MessageJson;
import dev.parley.server.api.dto.SendMessageRequest;

/**
 * Message operations over the socket: the same core calls as the REST routes, with message
 * results shown as the caller sees them (the REST {@code Message} shape).
 */
final class MessageOps {
    private final Services services;

    private MessageOps(Services services) {
        this.services = services;
    }

    static void register(Operations operations, Services services) {
        MessageOps ops = new MessageOps(services);
        operations.add("message.send", true, ops::send)
                .add("message.edit", true, ops::edit)
                .add("message.delete", true, ops::delete)
                .add("message.forward", true, ops::forward)
                .add("reaction.add", true, (c, r) -> ops.react(c, r, true))
                .add("reaction.remove", true, (c, r) -> ops.react(c, r, false))
                .add("message.pin", true, (c, r) -> ops.pin(c, r, true))
                .add("message.unpin", true, (c, r) -> ops.pin(c, r, false))
                .add("read", true, ops::read)
                .add("delivered", true, ops::delivered)
                .add("history", true, ops::history);
    }

    /** {@code POST /conversations/{id}/messages}'s body plus {@code conversationId}. */
    private Object send(Connection connection, FrameCodec.Request request) {
        ObjectNode body = request.data().deepCopy();
        var conversationId = body.remove("conversationId");
        if (conversationId != null && !conversationId.isTextual() && !conversationId.isNull()) {
            throw dev.parley.core.error.ParleyException.invalid("conversationId", "has the wrong type or format");
        }
        String id = requireId(conversationId == null || conversationId.isNull() ? null : conversationId.asText(),
                "conversationId");
        SendMessageRequest message = FrameCodec.data(body, SendMessageRequest.class);
        Actor actor = actor(connection);
        SendResult result = services.messages().send(actor, id, message.toCore());
        return fields("message", MessageJson.of(services.reader().sent(actor, result)), "created", result.created());
    }

    private Object edit(Connection connection, FrameCodec.Request request) {
        WsRequests.Edit edit = data(request, WsRequests.Edit.class);
        requireId(edit.messageId(), "messageId");
        Actor actor = actor(connection);
        var edited = services.messages().edit(actor, edit.messageId(), edit.text(), edit.mentions(),
                Boolean.TRUE.equals(edit.mentionAll()));
        return fields("message", view(actor, edited.id()));
    }

    private Object delete(Connection connection, FrameCodec.Request request) {
        WsRequests.MessageRef ref = data(request, WsRequests.MessageRef.class);
        requireId(ref.messageId(), "messageId");
        Actor actor = actor(connection);
        var deleted = services.messages().delete(actor, ref.messageId());
        return fields("message", view(actor, deleted.id()));
    }

    private Object forward(Connection connection, FrameCodec.Request request) {
        WsRequests.Forward forward = data(request, WsRequests.Forward.class);
        requireId(forward.messageId(), "messageId");
        Actor actor = actor(connection);
        SendResult result = services.messages().forward(actor, forward.messageId(), forward.conversationId(),
                forward.clientMessageId());
        return fields("message", MessageJson.of(services.reader().sent(actor, result)), "created", result.created());
    }

    private Object react(Connection connection, FrameCodec.Request request, boolean add) {
        WsRequests.Reaction reaction = data(request, WsRequests.Reaction.class);
        requireId(reaction.messageId(), "messageId");
        if (add) services.reactions().react(actor(connection), reaction.messageId(), reaction.emoji());
        else services.reactions().unreact(actor(connection), reaction.messageId(), reaction.emoji());
        return fields();
    }

    private Object pin(Connection connection, FrameCodec.Request request, boolean pin) {
        WsRequests.MessageRef ref = data(request, WsRequests.MessageRef.class);
        requireId(ref.messageId(), "messageId");
        if (pin) services.reactions().pin(actor(connection), ref.messageId());
        else services.reactions().unpin(actor(connection), ref.messageId());
        return fields();
    }

    private Object read(Connection connection, FrameCodec.Request request) {
        WsRequests.Marker marker = data(request, WsRequests.Marker.class);
        requireId(marker.conversationId(), "conversationId");
        long readSeq = services.receipts().markRead(actor(connection), marker.conversationId(), marker.seq());
        return fields("readSeq", readSeq);
    }

    private Object delivered(Connection connection, FrameCodec.Request request) {
        WsRequests.Marker marker = data(request, WsRequests.Marker.class);
        new Validation().requireText(marker.conversationId(), "conversationId", 1, 64)
                .require(marker.seq() != null, "seq", "is required").throwIfInvalid();
        long deliveredSeq = services.receipts().markDelivered(actor(connection), marker.conversationId(), marker.seq());
        return fields("deliveredSeq", deliveredSeq);
    }

    private Object history(Connection connection, FrameCodec.Request request) {
        WsRequests.History history = data(request, WsRequests.History.class);
        requireId(history.conversationId(), "conversationId");
        int size = Inputs.pageSize(services.ports().limits(), history.limit());
        HistoryQuery query = new HistoryQuery(history.before(), history.after(), null, false, null, size, false);
        return HistoryJson.of(services.reader().history(actor(connection), history.conversationId(), query));
    }

    private MessageJson view(Actor actor, String messageId) {
        return MessageJson.of(services.reader().get(actor, messageId));
    }

    private static Actor actor(Connection connection) {
        return Actor.user(connection.userId());
    }
}
