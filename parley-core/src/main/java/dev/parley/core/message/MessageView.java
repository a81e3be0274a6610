package dev.parley.core.message;

import java.util.List;

/**
 * A message as one viewer sees it: reactions summarised, whether it is pinned, and for the
 * viewer's own messages the delivery state (null for others' messages).
 */
public record MessageView(Message message, List<ReactionCount> reactions, boolean pinned, DeliveryState delivery) {
}
