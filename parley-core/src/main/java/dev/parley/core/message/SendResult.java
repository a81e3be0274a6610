package dev.parley.core.message;

/**
 * The outcome of a send: the message, whether this call created it (false for a retry), and for a
 * message a person created, how many members it is for besides the sender (else 0).
 */
public record SendResult(Message message, boolean created, long recipients) {
}
