package dev.parley.core.membership;

import dev.parley.core.Ports;
import dev.parley.core.access.Access;
import dev.parley.core.access.Actor;
import dev.parley.core.access.Permission;
import dev.parley.core.access.Permissions;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.Member;
import dev.parley.core.conversation.MemberSettings;
import dev.parley.core.conversation.Role;
import dev.parley.core.conversation.SettingsUpdate;
import dev.parley.core.error.ParleyException;
import dev.parley.core.error.Validation;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.event.Changes;
import dev.parley.core.event.UserEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who belongs to a conversation and with which role: adding, removing, leaving, changing roles,
 * handing over ownership, and each member's own settings. A conversation always keeps an owner
 * while it has members, unless the platform manages it. Thread-safe.
 */
public final class MembershipService {
    private final Ports ports;

    public MembershipService(Ports ports) {
        this.ports = ports;
    }

    /** Adds people with one role; those already members are left as they are. Returns the new members. */
    public List<Member> add(Actor actor, String conversationId, List<String> userIds, Role role) {
        Role given = role == null ? Role.MEMBER : role;
        Validation v = new Validation();
        v.require(userIds != null && !userIds.isEmpty(), "userIds", "must name at least one user");
        v.maxSize(userIds, "userIds", ports.limits().maxMembersPerRequest());
        v.throwIfInvalid();
        Set<String> wanted = new LinkedHashSet<>(userIds);
        return Changes.write(ports, conversationId, changes -> {
            Access access = Access.of(ports.conversations(), actor, conversationId)
                    .require(Permission.ADD_MEMBERS).requireActive();
            if (!access.isPlatform() && !Permissions.mayAssignRole(access.member().role(), Role.MEMBER, given)) {
                throw ParleyException.forbidden("Your role cannot give the role " + given.wireName());
            }
            Set<String> known = new HashSet<>();
            ports.users().findByIds(wanted).forEach(u -> known.add(u.id()));
            List<String> ordered = List.copyOf(wanted);
            Validation unknown = new Validation();
            for (int i = 0; i < ordered.size(); i++) {
                unknown.require(known.contains(ordered.get(i)), "userIds[" + i + "]", "is not a known user");
            }
            unknown.throwIfInvalid();
            long count = ports.conversations().countMembers(conversationId);
            List<Member> added = new ArrayList<>();
            Instant now = now();
            for (String userId : ordered) {
                if (ports.conversations().findMember(conversationId, userId).isPresent()) continue;
                if (++count > ports.limits().maxMembersPerConversation()) {
                    throw ParleyException.conflict("The conversation is full");
                }
                Member member = new Member(conversationId, userId, given, now, 0, 0, MemberSettings.DEFAULT);
                ports.conversations().insertMember(member);
                changes.record(new ChatEvent.MemberAdded(conversationId, changes.nextSeq(conversationId), now, userId,
                        given, actor.userIdOrNull()));
                added.add(member);
            }
            return added;
        });
    }

    /** Removes a member: oneself (leaving), or someone of a lower role with the permission. */
    public void remove(Actor actor, String conversationId, String userId) {
        if (userId != null && userId.equals(actor.userIdOrNull())) {
            leave(actor, conversationId);
            return;
        }
        Changes.write(ports, conversationId, changes -> {
            Access access = Access.of(ports.conversations(), actor, conversationId)
                    .require(Permission.REMOVE_MEMBERS).requireActive();
            Member target = ports.conversations().findMember(conversationId, userId)
                    .orElseThrow(() -> ParleyException.notFound("Member"));
            if (!access.isPlatform() && !Permissions.mayRemove(access.member().role(), target.role())) {
                throw ParleyException.forbidden("You can only remove members of a lower role");
            }
            ports.conversations().deleteMember(conversationId, userId);
            changes.record(new ChatEvent.MemberRemoved(conversationId, changes.nextSeq(conversationId), now(), userId,
                    actor.userIdOrNull()));
            return null;
        });
    }

    public void leave(Actor actor, String conversationId) {
        String me = actor.requireUserId();
        Changes.write(ports, conversationId, changes -> {
            Access access = Access.of(ports.conversations(), actor, conversationId);
            if (access.conversation().kind() == ConversationKind.DIRECT) {
                throw ParleyException.conflict("A direct conversation cannot be left; hide it instead");
            }
            if (access.member().role() == Role.OWNER
                    && ports.conversations().countMembersWithRole(conversationId, Role.OWNER) == 1
                    && ports.conversations().countMembers(conversationId) > 1) {
                throw ParleyException.conflict("You are the last owner: transfer ownership before leaving");
            }
            ports.conversations().deleteMember(conversationId, me);
            changes.record(new ChatEvent.MemberRemoved(conversationId, changes.nextSeq(conversationId), now(), me, me));
            return null;
        });
    }

    public Member changeRole(Actor actor, String conversationId, String userId, Role role) {
        new Validation().require(role != null, "role", "must be one of owner, admin, moderator, member").throwIfInvalid();
        return Changes.write(ports, conversationId, changes -> {
            Access access = Access.of(ports.conversations(), actor, conversationId)
                    .require(Permission.CHANGE_ROLES).requireActive();
            Member target = ports.conversations().findMember(conversationId, userId)
                    .orElseThrow(() -> ParleyException.notFound("Member"));
            if (!access.isPlatform() && !Permissions.mayAssignRole(access.member().role(), target.role(), role)) {
                throw ParleyException.forbidden("Your role cannot give this member the role " + role.wireName());
            }
            if (target.role() == role) return target;
            requireAnotherOwner(access, target, role);
            ports.conversations().updateRole(conversationId, userId, role);
            changes.record(new ChatEvent.MemberRoleChanged(conversationId, changes.nextSeq(conversationId), now(), userId,
                    role, actor.userIdOrNull()));
            return target.withRole(role);
        });
    }

    /** Makes {@code userId} an owner and the acting owner an admin. */
    public void transferOwnership(Actor actor, String conversationId, String userId) {
        String me = actor.requireUserId();
        Changes.write(ports, conversationId, changes -> {
            Access access = Access.of(ports.conversations(), actor, conversationId).requireActive();
            if (access.member().role() != Role.OWNER) {
                throw ParleyException.forbidden("Only an owner can transfer ownership");
            }
            if (me.equals(userId)) throw ParleyException.invalid("userId", "must be another member");
            Member target = ports.conversations().findMember(conversationId, userId)
                    .orElseThrow(() -> ParleyException.notFound("Member"));
            Instant now = now();
            if (target.role() != Role.OWNER) {
                ports.conversations().updateRole(conversationId, userId, Role.OWNER);
                changes.record(new ChatEvent.MemberRoleChanged(conversationId, changes.nextSeq(conversationId), now,
                        userId, Role.OWNER, me));
            }
            ports.conversations().updateRole(conversationId, me, Role.ADMIN);
            changes.record(new ChatEvent.MemberRoleChanged(conversationId, changes.nextSeq(conversationId), now, me,
                    Role.ADMIN, me));
            return null;
        });
    }

    /** Changes my own settings (mute, pin, hide) in a conversation. Archived conversations allow this too. */
    public MemberSettings updateSettings(Actor actor, String conversationId, SettingsUpdate update) {
        String me = actor.requireUserId();
        return Changes.write(ports, conversationId, changes -> {
            Access access = Access.of(ports.conversations(), actor, conversationId);
            MemberSettings current = access.member().settings();
            boolean muted = update.muted() == null ? current.muted() : update.muted();
            MemberSettings next = new MemberSettings(
                    muted,
                    !muted ? null : update.muted() != null || update.mutedUntil() != null ? update.mutedUntil() : current.mutedUntil(),
                    update.pinned() == null ? current.pinned() : update.pinned(),
                    update.hidden() == null ? current.hidden() : update.hidden());
            if (!next.equals(current)) {
                ports.conversations().updateSettings(conversationId, me, next);
                changes.record(new UserEvent.SettingsChanged(me, conversationId, next));
            }
            return next;
        });
    }

    private void requireAnotherOwner(Access access, Member target, Role newRole) {
        boolean demotesOwner = target.role() == Role.OWNER && newRole != Role.OWNER;
        if (demotesOwner && ports.conversations().countMembersWithRole(access.conversationId(), Role.OWNER) == 1) {
            throw ParleyException.conflict("The conversation needs an owner: make someone else owner first");
        }
    }

    private Instant now() {
        return ports.clock().instant();
    }
}
