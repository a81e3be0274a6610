package dev.parley.e2e.realtime;

import dev.parley.e2e.realtime.People.Account;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A client of {@link ChaosTest}, raw ({@link ChaosClient}) or built on the Java SDK ({@link SdkChaosClient}). */
interface ChaosParticipant {
    /** A send of a new message ({@code clientMessageId} set), or a move of my read marker (null). */
    record Action(String conversationId, String clientMessageId) {
        boolean isSend() {
            return clientMessageId != null;
        }
    }

    Account account();

    void start();

    /** Completes when every action was answered. */
    CompletableFuture<Void> done();

    /** Closes for good. */
    void stop();

    /** The conversations followed. */
    List<String> conversationIds();

    /** The seq of the last event applied in a conversation. */
    long lastSeq(String conversationId);

    /** The ids of the messages held, in seq order. */
    List<String> messageIds(String conversationId);

    /** The unread badge as this client knows it. */
    long unread(String conversationId);

    /** clientMessageId → message id of every acknowledged send. */
    Map<String, String> acked();

    /** What went wrong on the way (repeats, gaps, refusals). */
    List<String> violations();

    /** Where the client is, for failure messages. */
    String describe();
}
