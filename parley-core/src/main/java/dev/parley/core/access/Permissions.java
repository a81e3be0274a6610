package dev.parley.core.access;

import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.Role;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The permission table: which role may do what, per conversation kind. docs/permissions in
 * docs/architecture.md shows the same table; PermissionsTest checks every cell.
 *
 * <pre>
 *                      owner admin moderator member
 * EDIT_DETAILS           x     x
 * ADD_MEMBERS            x     x       x           (course: owner, admin)
 * REMOVE_MEMBERS         x     x       x           (only lower roles; course: owner, admin)
 * CHANGE_ROLES           x     x
 * DELETE_ANY_MESSAGE     x     x       x
 * PIN_MESSAGES           x     x       x
 * ARCHIVE                x     x
 * POST_ANNOUNCEMENTS     x     x
 * SEE_DELETED_BY         x     x
 * </pre>
 *
 * A direct conversation has two members and no roles that matter: both may pin, nobody may add,
 * remove, change roles, rename or delete the other's messages; either may archive it.
 */
public final class Permissions {
    private static final Map<Role, Set<Permission>> TABLE = new EnumMap<>(Role.class);

    static {
        TABLE.put(Role.OWNER, EnumSet.allOf(Permission.class));
        TABLE.put(Role.ADMIN, EnumSet.allOf(Permission.class));
        TABLE.put(Role.MODERATOR, EnumSet.of(Permission.ADD_MEMBERS, Permission.REMOVE_MEMBERS,
                Permission.DELETE_ANY_MESSAGE, Permission.PIN_MESSAGES));
        TABLE.put(Role.MEMBER, EnumSet.noneOf(Permission.class));
    }

    private static final Set<Permission> DIRECT = EnumSet.of(Permission.PIN_MESSAGES, Permission.ARCHIVE);

    private Permissions() {
    }

    public static boolean allows(ConversationKind kind, Role role, Permission permission) {
        if (kind == ConversationKind.DIRECT) {
            return DIRECT.contains(permission);
        }
        if (kind == ConversationKind.COURSE && role == Role.MODERATOR
                && (permission == Permission.ADD_MEMBERS || permission == Permission.REMOVE_MEMBERS)) {
            return false;
        }
        return TABLE.get(role).contains(permission);
    }

    /** May a member with {@code actorRole} give {@code targetRole} to a member who has {@code currentRole}? */
    public static boolean mayAssignRole(Role actorRole, Role currentRole, Role targetRole) {
        if (actorRole == Role.OWNER) {
            return true;
        }
        return actorRole.outranks(currentRole) && actorRole.outranks(targetRole);
    }

    /** May a member with {@code actorRole} remove a member with {@code targetRole}? */
    public static boolean mayRemove(Role actorRole, Role targetRole) {
        return actorRole.outranks(targetRole);
    }
}
