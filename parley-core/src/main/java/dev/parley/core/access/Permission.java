package dev.parley.core.access;

/** What a member may be allowed to do in a conversation. See {@link Permissions} for the table. */
public enum Permission {
    /** Change title, description and avatar. */
    EDIT_DETAILS,
    ADD_MEMBERS,
    /** Remove a member of a lower role. */
    REMOVE_MEMBERS,
    /** Give a lower-ranked member a role below one's own (owners may give any role). */
    CHANGE_ROLES,
    DELETE_ANY_MESSAGE,
    PIN_MESSAGES,
    ARCHIVE,
    /** Post in an announcement conversation. */
    POST_ANNOUNCEMENTS,
    /** See who deleted a message. */
    SEE_DELETED_BY
}
