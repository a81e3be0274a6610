package dev.parley.server.api.dto;

import dev.parley.core.message.MessageView;
import dev.parley.core.search.SearchHit;

/** A search result: the message, an HTML snippet with {@code <mark>} highlights, and its score. */
public record SearchResultJson(MessageJson message, String snippet, double score) {

    public static SearchResultJson of(SearchHit hit, MessageView view) {
        return new SearchResultJson(MessageJson.of(view), snippetHtml(hit.snippet()), hit.score());
    }

    /**
     * The store's snippet as safe HTML: every character HTML-escaped, then the highlight markers
     * {@link SearchHit#HIGHLIGHT_START} and {@link SearchHit#HIGHLIGHT_END} turned into
     * {@code <mark>} and {@code </mark>}. An unclosed highlight is closed at the end, so the
     * markup is always balanced; a stray end marker is dropped.
     */
    public static String snippetHtml(String snippet) {
        if (snippet == null) return "";
        StringBuilder html = new StringBuilder(snippet.length() + 32);
        boolean open = false;
        for (int i = 0; i < snippet.length(); i++) {
            char c = snippet.charAt(i);
            switch (c) {
                case SearchHit.HIGHLIGHT_START -> {
                    if (!open) html.append("<mark>");
                    open = true;
                }
                case SearchHit.HIGHLIGHT_END -> {
                    if (open) html.append("</mark>");
                    open = false;
                }
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        if (open) html.append("</mark>");
        return html.toString();
    }
}
