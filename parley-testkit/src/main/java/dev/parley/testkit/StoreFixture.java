package dev.parley.testkit;

import dev.parley.core.port.ConversationStore;
import dev.parley.core.port.EventLog;
import dev.parley.core.port.MessageStore;
import dev.parley.core.port.SessionStore;
import dev.parley.core.port.Transactor;
import dev.parley.core.port.UserStore;

/**
 * The stores of one migrated database, for the contract suites. Each adapter module provides
 * one (SQLite, PostgreSQL); {@link #reset} empties every table between tests.
 */
public interface StoreFixture {
    Transactor transactor();

    UserStore users();

    SessionStore sessions();

    ConversationStore conversations();

    MessageStore messages();

    EventLog eventLog();

    /** Deletes every row of every table, keeping the schema. */
    void reset();
}
