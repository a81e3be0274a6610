package dev.parley.core.conversation;

import dev.parley.core.Ports;
import dev.parley.core.access.Access;
import dev.parley.core.access.Actor;
import dev.parley.core.access.Permission;
import dev.parley.core.error.ParleyException;
import dev.parley.core.error.Validation;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.event.ChatEvent.InitialMember;
import dev.parley.core.event.Changes;
import dev.parley.core.support.Cursors;
import dev.parley.core.support.Inputs;
import static dev.parley.core.support.Inputs.emptyToNull;
import dev.parley.core.support.Page;
import dev.parley.core.support.RateLimits;
import dev.parley.core.user.User;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Creating, finding, listing, renaming and archiving conversations. Thread-safe. */
public final class ConversationService {
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private final Ports ports;

    public ConversationService(Ports ports) {
        this.ports = ports;
    }

    /** Opens the direct conversation of two people, creating it only the first time. */
    public Opened openDirect(Actor actor, String otherUserId) {
        String me = actor.requireUserId();
        new Validation().requireText(otherUserId, "userId", 1, 64)
                .require(!me.equals(otherUserId), "userId", "must be someone else")
                .throwIfInvalid();
        String key = Conversation.directKey(me, otherUserId);
        var existing = ports.conversations().findByDirectKey(key);
        if (existing.isPresent()) {
            return new Opened(existing.get(), false);
        }
        RateLimits.check(ports.rateLimiter(), RateLimits.CREATE_CONVERSATION, me);
        try {
            return Changes.write(ports, changes -> {
                var again = ports.conversations().findByDirectKey(key);
                if (again.isPresent()) return new Opened(again.get(), false);
                ports.users().findById(otherUserId).orElseThrow(() -> ParleyException.notFound("User"));
                if (ports.users().isBlockedEitherWay(me, otherUserId)) {
                    throw ParleyException.forbidden("You cannot start a conversation with this user");
                }
                Instant now = now();
                Conversation conversation = new Conversation(ports.ids().next("c"), ConversationKind.DIRECT, null, null,
                        null, null, key, false, me, now, now, 0);
                List<InitialMember> members = List.of(new InitialMember(me, Role.MEMBER),
                        new InitialMember(otherUserId, Role.MEMBER));
                return new Opened(insert(changes, conversation, members), true);
            });
        } catch (ParleyException e) {
            // A concurrent first open won the unique direct key: return the one it created.
            return ports.conversations().findByDirectKey(key).map(c -> new Opened(c, false)).orElseThrow(() -> e);
        }
    }

    /** Creates a group, course or announcement conversation. A course id already linked returns that conversation. */
    public Opened create(Actor actor, NewConversation spec) {
        validate(spec);
        String creator = actor.userIdOrNull();
        if (creator != null) RateLimits.check(ports.rateLimiter(), RateLimits.CREATE_CONVERSATION, creator);
        if (spec.kind() == ConversationKind.COURSE) {
            var existing = ports.conversations().findByCourseId(spec.courseId());
            if (existing.isPresent()) return new Opened(existing.get(), false);
        }
        return Changes.write(ports, changes -> {
            Map<String, Role> roles = new LinkedHashMap<>();
            if (creator != null) roles.put(creator, Role.OWNER);
            for (InitialMember member : spec.members()) roles.putIfAbsent(member.userId(), member.role());
            requireUsersExist(spec.members().stream().map(InitialMember::userId).toList(), "members");
            if (spec.kind() == ConversationKind.COURSE && ports.conversations().findByCourseId(spec.courseId()).isPresent()) {
                return new Opened(ports.conversations().findByCourseId(spec.courseId()).orElseThrow(), false);
            }
            Instant now = now();
            Conversation conversation = new Conversation(ports.ids().next("c"), spec.kind(), spec.title().strip(),
                    emptyToNull(spec.description()), emptyToNull(spec.avatarUrl()),
                    spec.kind() == ConversationKind.COURSE ? spec.courseId().strip() : null, null, false, creator,
                    now, now, 0);
            List<InitialMember> members = roles.entrySet().stream()
                    .map(e -> new InitialMember(e.getKey(), e.getValue())).toList();
            return new Opened(insert(changes, conversation, members), true);
        });
    }

    private Conversation insert(Changes changes, Conversation conversation, List<InitialMember> members) {
        ports.conversations().insert(conversation);
        for (InitialMember member : members) {
            ports.conversations().insertMember(new Member(conversation.id(), member.userId(), member.role(),
                    conversation.createdAt(), 0, 0, MemberSettings.DEFAULT));
        }
        long seq = changes.nextSeq(conversation.id());
        Conversation stored = ports.conversations().findById(conversation.id()).orElseThrow();
        changes.record(new ChatEvent.ConversationCreated(conversation.id(), seq, conversation.createdAt(), stored, members));
        return stored;
    }

    public ConversationDetails details(Actor actor, String conversationId) {
        return ports.tx().read(() -> {
            Access access = Access.of(ports.conversations(), actor, conversationId);
            List<Member> members = ports.conversations().listMembers(conversationId);
            Map<String, User> users = new LinkedHashMap<>();
            ports.users().findByIds(members.stream().map(Member::userId).toList()).forEach(u -> users.put(u.id(), u));
            List<MemberProfile> profiles = members.stream()
                    .filter(m -> users.containsKey(m.userId()))
                    .map(m -> new MemberProfile(m, users.get(m.userId()))).toList();
            return new ConversationDetails(access.conversation(), profiles,
                    ports.messages().countLive(conversationId), access.member());
        });
    }

    /** My conversations: pinned first, then by last activity. */
    public Page<ConversationSummary> list(String userId, ConversationFilter filter, String cursor, Integer limit) {
        int size = Inputs.pageSize(ports.limits(), limit);
        new Validation().optionalText(filter.titleQuery(), "q", 100)
                .optionalText(filter.courseId(), "courseId", 200).throwIfInvalid();
        ConversationCursor after = Cursors.conversation(cursor);
        List<ConversationSummary> rows = ports.tx().read(
                () -> ports.conversations().listForUser(userId, filter, after, size + 1));
        if (rows.size() <= size) return new Page<>(rows, null);
        List<ConversationSummary> page = rows.subList(0, size);
        ConversationSummary last = page.getLast();
        return new Page<>(List.copyOf(page), Cursors.conversation(new ConversationCursor(
                last.me().settings().pinned(), last.conversation().lastActivityAt(), last.conversation().id())));
    }

    /** Changes title, description or avatar: null leaves a field, an empty string clears it (not the title). */
    public Conversation update(Actor actor, String conversationId, String title, String description, String avatarUrl) {
        new Validation()
                .optionalText(title, "title", ports.limits().maxTitleLength())
                .require(title == null || !title.isBlank(), "title", "must not be blank")
                .optionalText(description, "description", ports.limits().maxDescriptionLength())
                .optionalText(avatarUrl, "avatarUrl", 2_000)
                .matches(emptyToNull(avatarUrl), URL, "avatarUrl", "must be an http(s) URL")
                .throwIfInvalid();
        return Changes.write(ports, conversationId, changes -> {
            Access access = Access.of(ports.conversations(), actor, conversationId)
                    .require(Permission.EDIT_DETAILS).requireActive();
            Conversation c = access.conversation();
            String newTitle = title == null ? c.title() : title.strip();
            String newDescription = description == null ? c.description() : emptyToNull(description);
            String newAvatar = avatarUrl == null ? c.avatarUrl() : emptyToNull(avatarUrl);
            ports.conversations().updateDetails(conversationId, newTitle, newDescription, newAvatar);
            changes.record(new ChatEvent.ConversationUpdated(conversationId, changes.nextSeq(conversationId), now(),
                    newTitle, newDescription, newAvatar, actor.userIdOrNull()));
            return ports.conversations().findById(conversationId).orElseThrow();
        });
    }

    public Conversation setArchived(Actor actor, String conversationId, boolean archived) {
        return Changes.write(ports, conversationId, changes -> {
            Access access = Access.of(ports.conversations(), actor, conversationId).require(Permission.ARCHIVE);
            if (access.conversation().archived() != archived) {
                ports.conversations().setArchived(conversationId, archived);
                changes.record(new ChatEvent.ConversationArchived(conversationId, changes.nextSeq(conversationId), now(),
                        archived, actor.userIdOrNull()));
            }
            return ports.conversations().findById(conversationId).orElseThrow();
        });
    }

    private void validate(NewConversation spec) {
        Validation v = new Validation();
        v.require(spec.kind() != null, "kind", "must be one of group, course, announcement");
        v.require(spec.kind() != ConversationKind.DIRECT, "kind", "direct conversations are opened with POST /api/v1/conversations/direct");
        v.requireText(spec.title(), "title", 1, ports.limits().maxTitleLength());
        v.optionalText(spec.description(), "description", ports.limits().maxDescriptionLength());
        v.optionalText(spec.avatarUrl(), "avatarUrl", 2_000);
        v.matches(emptyToNull(spec.avatarUrl()), URL, "avatarUrl", "must be an http(s) URL");
        if (spec.kind() == ConversationKind.COURSE) {
            v.requireText(spec.courseId(), "courseId", 1, 200);
        } else {
            v.require(spec.courseId() == null, "courseId", "is only for course conversations");
        }
        v.maxSize(spec.members(), "members", ports.limits().maxMembersPerRequest());
        List<InitialMember> members = spec.members() == null ? List.of() : spec.members();
        for (int i = 0; i < members.size(); i++) {
            InitialMember m = members.get(i);
            v.require(m != null && m.userId() != null, "members[" + i + "].userId", "is required");
            v.require(m == null || m.role() != Role.OWNER, "members[" + i + "].role", "owner is given by transfer, not at creation");
        }
        v.throwIfInvalid();
    }

    private void requireUsersExist(List<String> ids, String field) {
        Set<String> known = new HashSet<>();
        ports.users().findByIds(ids).forEach(u -> known.add(u.id()));
        Validation v = new Validation();
        for (int i = 0; i < ids.size(); i++) {
            v.require(known.contains(ids.get(i)), field + "[" + i + "].userId", "is not a known user");
        }
        v.throwIfInvalid();
    }

    private Instant now() {
        return ports.clock().instant();
    }
}
