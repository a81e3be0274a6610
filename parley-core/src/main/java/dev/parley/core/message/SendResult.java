package dev.parley.core.message;

/** The outcome of a send: the message, and whether this call created it (false for a retry). */
public record SendResult(Message message, boolean created) {
}
