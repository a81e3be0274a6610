package dev.parley.store;

import dev.parley.core.port.LastSeenStore;
import dev.parley.core.port.MembershipIndex;
import dev.parley.testkit.StoreFixture;
import dev.parley.testkit.contract.ConversationListContract;
import dev.parley.testkit.contract.ConversationStoreContract;
import dev.parley.testkit.contract.EventLogContract;
import dev.parley.testkit.contract.LastSeenStoreContract;
import dev.parley.testkit.contract.MembershipIndexContract;
import dev.parley.testkit.contract.MessageReactionContract;
import dev.parley.testkit.contract.MessageStoreContract;
import dev.parley.testkit.contract.SendConcurrencyContract;
import dev.parley.testkit.contract.SessionStoreContract;
import dev.parley.testkit.contract.TransactorContract;
import dev.parley.testkit.contract.UserStoreContract;
import dev.parley.testkit.services.ConversationRulesContract;
import dev.parley.testkit.services.MessageRulesContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** Every store contract suite against one Postgres database of this class. */
class PostgresStoresTest {
    private static PostgresStoreFixture store;

    @BeforeAll
    static void open() {
        store = PostgresStoreFixture.create();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Nested
    class Users extends UserStoreContract {
        @Override
        protected StoreFixture fixture() {
            return store;
        }
    }

    @Nested
    class Sessions extends SessionStoreContract {
        @Override
        protected StoreFixture fixture() {
            return store;
        }
    }

    @Nested
    class Conversations extends ConversationStoreContract {
        @Override
        protected StoreFixture fixture() {
            return store;
        }
    }

    @Nested
    class ConversationLists extends ConversationListContract {
        @Override
        protected StoreFixture fixture() {
            return store;
        }
    }

    @Nested
    class Messages extends MessageStoreContract {
        @Override
        protected StoreFixture fixture() {
            return store;
        }
    }

    @Nested
    class Reactions extends MessageReactionContract {
        @Override
        protected StoreFixture fixture() {
            return store;
        }
    }

    @Nested
    class Events extends EventLogContract {
        @Override
        protected StoreFixture fixture() {
            return store;
        }
    }

    @Nested
    class Transactions extends TransactorContract {
        @Override
        protected StoreFixture fixture() {
            return store;
        }
    }

    @Nested
    class ConcurrentSends extends SendConcurrencyContract {
        @Override
        protected StoreFixture fixture() {
            return store;
        }
    }

    @Nested
    class ConversationRules extends ConversationRulesContract {
        @Override
        protected StoreFixture fixture() {
            return store;
        }
    }

    @Nested
    class MessageRules extends MessageRulesContract {
        @Override
        protected StoreFixture fixture() {
            return store;
        }
    }

    @Nested
    class LastSeen extends LastSeenStoreContract {
        @Override
        protected StoreFixture fixture() {
            return store;
        }

        @Override
        protected LastSeenStore lastSeen() {
            return store.stores().lastSeen();
        }
    }

    @Nested
    class Memberships extends MembershipIndexContract {
        @Override
        protected StoreFixture fixture() {
            return store;
        }

        @Override
        protected MembershipIndex membershipIndex() {
            return store.stores().membershipIndex();
        }
    }
}
