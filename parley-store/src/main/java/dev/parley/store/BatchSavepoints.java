package dev.parley.store;

import java.util.ArrayDeque;
import org.jdbi.v3.core.Handle;

/**
 * The savepoints of a group-commit batch ({@link JdbcTransactor}): every work of the batch runs in
 * a savepoint, so a work that fails is rolled back alone and the others commit. Not thread-safe:
 * one batch on its writer thread.
 */
abstract sealed class BatchSavepoints {
    /** The savepoint statements of a batch on {@code handle}; {@code owed} is its transaction's slot for a statement owed. */
    static BatchSavepoints of(Dialect dialect, Handle handle, OwedStatement owed) {
        return dialect == Dialect.POSTGRESQL ? new Nested(handle, owed) : new Released(handle);
    }

    final Handle handle;

    private BatchSavepoints(Handle handle) {
        this.handle = handle;
    }

    /** Before a work runs. */
    abstract void beforeWork();

    /** After a work returned. */
    abstract void succeeded();

    /** After a work threw: undoes what it wrote. Throws if that cannot be done safely, which fails the batch. */
    abstract void failed();

    /** After the last work, before the batch commits. */
    void finish() {
    }

    /** Runs a statement that controls the transaction, without JDBI's statement machinery. */
    final void control(String statement) {
        try {
            Sql.execute(handle.getConnection(), statement);
        } catch (java.sql.SQLException e) {
            throw new Sql.Failure(statement, e);
        }
    }

    /**
     * A statement a transaction owes before its next one, which whoever runs that next statement
     * takes and sends first ({@link Sql}: in the same round trip). Not thread-safe: its transaction's thread.
     */
    static final class OwedStatement {
        private String statement;

        /** The statement owed, now no longer owed; null if none. */
        String take() {
            String taken = statement;
            statement = null;
            return taken;
        }

        boolean isOwed() {
            return statement != null;
        }

        void owe(String owed) {
            statement = owed;
        }
    }

    /**
     * SQLite: a savepoint before the first work; after a work succeeded it is released and the next
     * one opened, so none are nested (SQLite tracks the pages of every open savepoint); after a
     * work failed it is rolled back to, which keeps it open for the next work. Statements cost no
     * round trip here.
     */
    private static final class Released extends BatchSavepoints {
        private boolean open;
        /** The open savepoint holds a work that succeeded: the next work needs a new one. */
        private boolean holdsWork;

        Released(Handle handle) {
            super(handle);
        }

        @Override
        void beforeWork() {
            if (holdsWork) {
                control("RELEASE SAVEPOINT batch_item");
                open = false;
                holdsWork = false;
            }
            if (open) return;
            control("SAVEPOINT batch_item");
            open = true;
        }

        @Override
        void succeeded() {
            holdsWork = true;
        }

        @Override
        void failed() {
            control("ROLLBACK TO SAVEPOINT batch_item");
        }
    }

    /**
     * PostgreSQL: each work's savepoint nested in the one before (the commit releases them all),
     * opened by the work's first statement in the same round trip: the {@code SAVEPOINT} is owed
     * ({@link OwedStatement}) and sent with that statement, so a savepoint costs no round trip of
     * its own, and a work that runs no statement opens none. Every statement of a write goes
     * through {@link Sql} or JDBI, which take what is owed; one sent past both would run outside
     * the write's savepoint.
     *
     * <p>Had the {@code SAVEPOINT} itself not run, rolling back to its name would go back further,
     * to an older savepoint of that name, and undo works already done. So the names alternate
     * between two, and after rolling back a work the savepoint around it (of the other name) is
     * released: it exists only if the rollback went no further, else the release fails and with it
     * the whole batch, whose callers all learn it; none is told of a commit that lost its write.
     */
    private static final class Nested extends BatchSavepoints {
        private static final String FIRST = "batch_item_a";
        private static final String SECOND = "batch_item_b";

        private final OwedStatement owed;
        /** The savepoints opened, innermost last. */
        private final ArrayDeque<String> opened = new ArrayDeque<>();
        /** The name of the savepoint owed, or null. */
        private String owedName;

        Nested(Handle handle, OwedStatement owed) {
            super(handle);
            this.owed = owed;
        }

        @Override
        void beforeWork() {
            if (owedName != null) return; // the last work ran no statement: its savepoint is still owed
            owedName = FIRST.equals(opened.peekLast()) ? SECOND : FIRST;
            owed.owe("SAVEPOINT " + owedName);
        }

        @Override
        void succeeded() {
            recordIfSent();
        }

        @Override
        void failed() {
            if (!recordIfSent()) return; // it ran no statement: nothing to undo
            String rolledBack = opened.removeLast();
            control("ROLLBACK TO SAVEPOINT " + rolledBack);
            control("RELEASE SAVEPOINT " + (opened.isEmpty() ? rolledBack : opened.removeLast()));
        }

        /** True if the owed savepoint went out with a statement of the work, which then counts it as opened. */
        private boolean recordIfSent() {
            if (owed.isOwed()) return false;
            opened.addLast(owedName);
            owedName = null;
            return true;
        }

        /** What is still owed is not needed: no work follows. */
        @Override
        void finish() {
            owed.take();
        }
    }
}
