package dev.parley.client;

import dev.parley.client.Transport.Call;
import dev.parley.client.model.Page;
import dev.parley.client.model.SearchQuery;
import dev.parley.client.model.SearchResult;

/** Full-text search over my conversations. */
public final class SearchApi {
    private final Transport transport;

    SearchApi(Transport transport) {
        this.transport = transport;
    }

    /** One page of results: whole-word matches first, newest first within each score. */
    public Page<SearchResult> messages(SearchQuery query) {
        String path = Query.path("/search").param("q", query.q()).param("conversationId", query.conversationId())
                .param("senderId", query.senderId()).param("type", query.type() == null ? null : query.type().wireName())
                .param("from", query.from()).param("to", query.to()).param("cursor", query.cursor())
                .param("limit", query.limit()).toString();
        return transport.<Page<SearchResult>>send(Call.of("GET", path, null),
                transport.type(Page.class, SearchResult.class)).body();
    }
}
