package dev.parley.core.access;

import static dev.parley.core.access.Permission.*;
import static dev.parley.core.conversation.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.Role;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    /** The documented table for groups and announcements, cell by cell. */
    @ParameterizedTest
    @EnumSource(value = ConversationKind.class, names = {"GROUP", "ANNOUNCEMENT"})
    void groupTable(ConversationKind kind) {
        expect(kind, OWNER, EnumSet.allOf(Permission.class));
        expect(kind, ADMIN, EnumSet.allOf(Permission.class));
        expect(kind, MODERATOR, EnumSet.of(ADD_MEMBERS, REMOVE_MEMBERS, DELETE_ANY_MESSAGE, PIN_MESSAGES));
        expect(kind, MEMBER, EnumSet.noneOf(Permission.class));
    }

    @Test
    void courseMembershipIsManagedByOwnersAndAdminsOnly() {
        expect(ConversationKind.COURSE, OWNER, EnumSet.allOf(Permission.class));
        expect(ConversationKind.COURSE, ADMIN, EnumSet.allOf(Permission.class));
        expect(ConversationKind.COURSE, MODERATOR, EnumSet.of(DELETE_ANY_MESSAGE, PIN_MESSAGES));
        expect(ConversationKind.COURSE, MEMBER, EnumSet.noneOf(Permission.class));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void directConversationsAllowOnlyPinningAndArchiving(Role role) {
        expect(ConversationKind.DIRECT, role, EnumSet.of(PIN_MESSAGES, ARCHIVE));
    }

    @Test
    void onlyPostAnnouncementsForOwnersAndAdmins() {
        assertThat(Permissions.allows(ConversationKind.ANNOUNCEMENT, MODERATOR, POST_ANNOUNCEMENTS)).isFalse();
        assertThat(Permissions.allows(ConversationKind.ANNOUNCEMENT, MEMBER, POST_ANNOUNCEMENTS)).isFalse();
        assertThat(Permissions.allows(ConversationKind.ANNOUNCEMENT, ADMIN, POST_ANNOUNCEMENTS)).isTrue();
    }

    @Test
    void rolesAreAssignedOnlyBelowOnesOwnRankExceptByOwners() {
        assertThat(Permissions.mayAssignRole(OWNER, MEMBER, OWNER)).isTrue();
        assertThat(Permissions.mayAssignRole(OWNER, OWNER, ADMIN)).isTrue();
        assertThat(Permissions.mayAssignRole(ADMIN, MEMBER, MODERATOR)).isTrue();
        assertThat(Permissions.mayAssignRole(ADMIN, MEMBER, ADMIN)).isFalse();
        assertThat(Permissions.mayAssignRole(ADMIN, ADMIN, MEMBER)).isFalse();
        assertThat(Permissions.mayAssignRole(ADMIN, OWNER, MEMBER)).isFalse();
        assertThat(Permissions.mayAssignRole(MODERATOR, MEMBER, MEMBER)).isTrue();
        assertThat(Permissions.mayAssignRole(MODERATOR, MEMBER, MODERATOR)).isFalse();
        assertThat(Permissions.mayAssignRole(MEMBER, MEMBER, MEMBER)).isFalse();
    }

    @Test
    void membersAreRemovedOnlyByHigherRanks() {
        assertThat(Permissions.mayRemove(OWNER, ADMIN)).isTrue();
        assertThat(Permissions.mayRemove(ADMIN, MODERATOR)).isTrue();
        assertThat(Permissions.mayRemove(MODERATOR, MEMBER)).isTrue();
        assertThat(Permissions.mayRemove(MODERATOR, MODERATOR)).isFalse();
        assertThat(Permissions.mayRemove(ADMIN, OWNER)).isFalse();
        assertThat(Permissions.mayRemove(MEMBER, MEMBER)).isFalse();
    }

    private static void expect(ConversationKind kind, Role role, Set<Permission> allowed) {
        for (Permission permission : Permission.values()) {
            assertThat(Permissions.allows(kind, role, permission))
                    .as("%s %s %s", kind, role, permission)
                    .isEqualTo(allowed.contains(permission));
        }
    }
}
