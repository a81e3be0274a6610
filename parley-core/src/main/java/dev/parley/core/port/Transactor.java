package dev.parley.core.port;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction. Store methods called inside the work take part in it;
 * called outside, each runs in a transaction of its own. A nested call joins the outer
 * transaction. The transaction commits when the work returns and rolls back when it throws (the
 * exception propagates unchanged). Thread-safe; a transaction is bound to the calling thread.
 */
public interface Transactor {
    /** Runs work that writes. Write transactions of one store are serialised where the database needs it. */
    <T> T write(Supplier<T> work);

    /**
     * Runs work that writes mostly the data of {@code key} (a conversation id), with the same
     * outcome as {@link #write(Supplier)}. A store may use the key to run writes of one key one
     * after another, in the order they were called, and to commit several writes in one
     * transaction, each rolled back alone when it throws; the caller still returns only after
     * its work committed (or with its work's exception). A null key means no key.
     */
    default <T> T write(String key, Supplier<T> work) {
        return write(work);
    }

    /** Runs work that only reads, on a consistent snapshot where the database offers one. */
    <T> T read(Supplier<T> work);
}
