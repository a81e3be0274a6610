package dev.parley.client.realtime;

import dev.parley.client.ParleyClient;
import dev.parley.client.Tokens;

/**
 * Where the realtime client gets its access token. The default, {@link #of(ParleyClient)}, uses the
 * REST client's tokens and renews them with its refresh token; a host application that signs its
 * own JWTs supplies its own source.
 */
public interface TokenSource {
    /** The token to authenticate with now; null if there is none. Called on the event thread: must not block. */
    String token();

    /**
     * Gets a fresh token and returns it, or null if none can be had (signed out, refresh refused):
     * the client then stops. Throw for a temporary failure (the client retries with backoff).
     * Called on a background thread; may block.
     */
    String renew();

    /** The REST client's access token, renewed through its refresh token (shared with the REST client). */
    static TokenSource of(ParleyClient client) {
        return new TokenSource() {
            @Override
            public String token() {
                Tokens tokens = client.tokens();
                return tokens == null ? null : tokens.accessToken();
            }

            @Override
            public String renew() {
                Tokens stale = client.tokens();
                if (stale == null || stale.refreshToken() == null) return null;
                Tokens fresh = client.renewTokens(stale);
                if (fresh == null) return null;
                if (fresh == stale) throw new IllegalStateException("the token refresh failed; will retry");
                return fresh.accessToken();
            }
        };
    }
}
