package dev.parley.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.message.MessageView;
import dev.parley.core.search.SearchHit;
import dev.parley.server.api.dto.SearchResultJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchResultJsonTest {

    @Test
    void snippetIsEscapedBeforeHighlightsBecomeMarks() {
        String snippet = "a <script>alert(\"x\")</script> & \u0002it's\u0003 here";
        assertThat(SearchResultJson.snippetHtml(snippet)).isEqualTo(
                "a &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>it&#39;s</mark> here");
    }

    @Test
    void markersInsideTheTextCannotOpenTagsAndUnbalancedOnesAreRepaired() {
        assertThat(SearchResultJson.snippetHtml("\u0002caf\u00e9\u0003 and \u0002<b>")).isEqualTo(
                "<mark>caf\u00e9</mark> and <mark>&lt;b&gt;</mark>");
        assertThat(SearchResultJson.snippetHtml("stray\u0003 end \u0002\u0002twice\u0003")).isEqualTo(
                "stray end <mark>twice</mark>");
        assertThat(SearchResultJson.snippetHtml("\u6f22\u5b57\u0002\u691c\u7d22\u0003")).isEqualTo(
                "\u6f22\u5b57<mark>\u691c\u7d22</mark>");
        assertThat(SearchResultJson.snippetHtml(null)).isEmpty();
    }

    @Test
    void resultCarriesTheViewerSpecificMessageSnippetAndScore() {
        var message = ResponseMappingTest.message("m_1", null);
        var view = new MessageView(message, List.of(), true, null);
        JsonNode node = ResponseMappingTest.json(SearchResultJson.of(new SearchHit(message, "\u0002hi\u0003", 1.5), view));
        assertThat(ResponseMappingTest.fields(node)).containsExactly("message", "snippet", "score");
        assertThat(node.get("message").get("pinned").asBoolean()).isTrue();
        assertThat(node.get("snippet").asText()).isEqualTo("<mark>hi</mark>");
        assertThat(node.get("score").asDouble()).isEqualTo(1.5);
    }
}
