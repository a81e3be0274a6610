-- Full-text search over messages.text (see PostgresMessageSearch).
-- Needs the pg_trgm extension (contrib; a trusted extension since PostgreSQL 13, so the database
-- owner may create it) and a UTF8 database (normalize() requires it). No unaccent: accents are
-- removed by Unicode decomposition, which is immutable and needs no dictionary or schema lookup.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Lower case without accents: "Café" -> "cafe", "RÉSUMÉ" -> "resume". Immutable, so it can be
-- used in index expressions; the queries repeat the exact indexed expressions.
CREATE FUNCTION parley_search_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT lower(regexp_replace(normalize(value, NFD),
        '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]', '', 'g'))
$$;

-- Words: language-agnostic 'simple' configuration (no stemming, no stop words).
CREATE INDEX messages_search_words_idx ON messages
    USING gin (to_tsvector('simple', parley_search_fold(text)))
    WHERE deleted_at IS NULL;

-- Trigrams: LIKE '%…%' inside words and in scripts without spaces (Chinese, Japanese).
CREATE INDEX messages_search_trigrams_idx ON messages
    USING gin (parley_search_fold(text) gin_trgm_ops)
    WHERE deleted_at IS NULL;
