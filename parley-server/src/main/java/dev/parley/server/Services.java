package dev.parley.server;

import dev.parley.core.Ports;
import dev.parley.core.conversation.ConversationService;
import dev.parley.core.membership.MembershipService;
import dev.parley.core.message.MessageReader;
import dev.parley.core.message.MessageService;
import dev.parley.core.message.ReactionService;
import dev.parley.core.receipt.ReceiptService;
import dev.parley.core.search.SearchService;
import dev.parley.core.user.AccountService;

/** The domain services, built once from the ports; what the transports call. */
public record Services(
        Ports ports,
        AccountService accounts,
        ConversationService conversations,
        MembershipService memberships,
        MessageService messages,
        MessageReader reader,
        ReactionService reactions,
        ReceiptService receipts,
        SearchService search) {

    public static Services of(Ports ports) {
        ReceiptService receipts = new ReceiptService(ports);
        return new Services(ports, new AccountService(ports), new ConversationService(ports),
                new MembershipService(ports), new MessageService(ports), new MessageReader(ports, receipts),
                new ReactionService(ports), receipts, new SearchService(ports));
    }
}
