package dev.parley.core.port;

import dev.parley.core.user.User;
import java.util.List;
import java.util.Optional;

/**
 * Users, their password hashes and blocks. Usernames are unique ignoring case; external ids are
 * unique. Thread-safe; joins the caller's transaction.
 */
public interface UserStore {
    /** Inserts a user; throws {@code ParleyException} CONFLICT if the username or external id is taken. */
    void insert(User user, String passwordHash);

    Optional<User> findById(String id);

    /** Users by id, in no particular order; unknown ids are skipped. */
    List<User> findByIds(java.util.Collection<String> ids);

    Optional<User> findByUsername(String username);

    Optional<User> findByExternalId(String externalId);

    /** Replaces display name, email, avatar and status text. */
    void update(User user);

    Optional<String> passwordHash(String userId);

    void setPasswordHash(String userId, String passwordHash);

    /**
     * Directory search: users whose username or display name contains {@code query} (ignoring
     * case), ordered by username, excluding {@code excludeUserId}, at most {@code limit}.
     */
    List<User> search(String query, String excludeUserId, int limit);

    void block(String blockerId, String blockedId, java.time.Instant at);

    void unblock(String blockerId, String blockedId);

    /** True if either user blocked the other. */
    boolean isBlockedEitherWay(String userA, String userB);

    /** Ids of the users {@code blockerId} blocked, newest first. */
    List<String> blockedBy(String blockerId);
}
