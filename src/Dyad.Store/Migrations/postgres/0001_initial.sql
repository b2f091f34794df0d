-- Dyad event store, schema version 1 (PostgreSQL).
-- Ids are assigned by the writer holding the ingest advisory lock; no sequences.
-- Column order matters: bulk appends write every column in this order (see StoreTables.cs).

CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE ingest_runs (
    id               BIGINT PRIMARY KEY,
    kind             TEXT NOT NULL,      -- ingest | recode
    started_at       TIMESTAMPTZ NOT NULL,    -- UTC
    finished_at      TIMESTAMPTZ,             -- UTC; null while running or after a crash
    dict_version     TEXT NOT NULL,
    inputs           TEXT,
    status           TEXT NOT NULL,      -- running | done | failed | cancelled
    articles_read    BIGINT NOT NULL DEFAULT 0,
    articles_stored  BIGINT NOT NULL DEFAULT 0,
    articles_skipped BIGINT NOT NULL DEFAULT 0,
    events_created   BIGINT NOT NULL DEFAULT 0,
    mentions_stored  BIGINT NOT NULL DEFAULT 0,
    failures         BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id           BIGINT PRIMARY KEY,
    article_key  TEXT NOT NULL UNIQUE,   -- url:<normalised url> | sha256:<normalised content hash>
    doc_id       TEXT NOT NULL,
    source       TEXT,
    url          TEXT,
    title        TEXT,
    published    DATE,
    language     TEXT,
    content_hash TEXT NOT NULL,
    raw_text     TEXT NOT NULL,
    run_id       BIGINT NOT NULL,
    ingested_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE sentences (
    article_id   BIGINT NOT NULL,
    idx          INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,           -- [start, end) into articles.raw_text
    end_offset   INTEGER NOT NULL
);

CREATE TABLE events (
    id                   BIGINT NOT NULL,
    dedup_key            TEXT NOT NULL,
    event_day            DATE,               -- event date (to the day) or else the report date
    dict_version         TEXT NOT NULL,
    doc_id               TEXT NOT NULL,   -- the fields below are those of the first mention
    sentence             INTEGER NOT NULL,
    source               TEXT,
    source_text          TEXT,
    target               TEXT,
    target_text          TEXT,
    code                 TEXT NOT NULL,
    root                 TEXT NOT NULL,
    quad                 INTEGER NOT NULL,
    goldstein            DOUBLE PRECISION NOT NULL,
    negated              BOOLEAN NOT NULL,
    date                 TEXT,
    date_precision       TEXT,
    location_name        TEXT,
    location_country     TEXT,
    location_lat         DOUBLE PRECISION,
    location_lon         DOUBLE PRECISION,
    location_admin1      TEXT,
    location_geonames_id BIGINT,
    location_confidence  DOUBLE PRECISION,
    evidence_start       INTEGER NOT NULL,
    evidence_end         INTEGER NOT NULL,
    evidence_text        TEXT NOT NULL,
    trigger_start        INTEGER NOT NULL,
    trigger_end          INTEGER NOT NULL,
    trigger_text         TEXT NOT NULL,
    source_span_start    INTEGER,
    source_span_end      INTEGER,
    target_span_start    INTEGER,
    target_span_end      INTEGER,
    rule                 TEXT NOT NULL,
    plover               TEXT,
    code_name            TEXT,
    first_article_id     BIGINT NOT NULL,
    num_mentions         INTEGER NOT NULL,
    num_sources          INTEGER NOT NULL,
    num_articles         INTEGER NOT NULL,
    is_root              BOOLEAN NOT NULL,   -- some mention is in the headline or first sentence
    added_at             TIMESTAMPTZ NOT NULL,
    run_id               BIGINT NOT NULL
);

CREATE TABLE event_mentions (
    id                BIGINT NOT NULL,
    event_id          BIGINT NOT NULL,
    article_id        BIGINT NOT NULL,
    run_id            BIGINT NOT NULL,
    dict_version      TEXT NOT NULL,
    doc_id            TEXT NOT NULL,
    sentence          INTEGER NOT NULL,
    source_name       TEXT NOT NULL,      -- publisher of the article (for NumSources)
    source            TEXT,
    target            TEXT,
    code              TEXT NOT NULL,
    root              TEXT NOT NULL,
    goldstein         DOUBLE PRECISION NOT NULL,
    negated           BOOLEAN NOT NULL,
    date              TEXT,
    location_name     TEXT,
    location_country  TEXT,
    evidence_start    INTEGER NOT NULL,
    evidence_end      INTEGER NOT NULL,
    evidence_text     TEXT NOT NULL,
    trigger_start     INTEGER NOT NULL,
    trigger_end       INTEGER NOT NULL,
    trigger_text      TEXT NOT NULL,
    source_text       TEXT,
    target_text       TEXT,
    source_span_start INTEGER,
    source_span_end   INTEGER,
    target_span_start INTEGER,
    target_span_end   INTEGER,
    rule              TEXT NOT NULL
);

CREATE TABLE failures (
    id        BIGINT NOT NULL,
    run_id    BIGINT NOT NULL,
    doc_id    TEXT,
    origin    TEXT,
    reason    TEXT NOT NULL,
    failed_at TIMESTAMPTZ NOT NULL
);

ALTER TABLE sentences ADD PRIMARY KEY (article_id, idx);
ALTER TABLE events ADD PRIMARY KEY (id);
ALTER TABLE event_mentions ADD PRIMARY KEY (id);
ALTER TABLE failures ADD PRIMARY KEY (id);
CREATE INDEX events_dedup_key ON events (dedup_key);
CREATE INDEX events_day ON events (event_day);
CREATE INDEX events_source ON events (source text_pattern_ops);
CREATE INDEX events_target ON events (target text_pattern_ops);
CREATE INDEX mentions_event ON event_mentions (event_id);
CREATE INDEX mentions_article ON event_mentions (article_id);
