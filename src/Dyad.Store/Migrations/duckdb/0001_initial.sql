-- Dyad event store, schema version 1 (DuckDB).
-- Ids are assigned by the single writer (DuckDB allows one process per file); no sequences.
-- Column order matters: bulk appends write every column in this order (see StoreTables.cs).

CREATE TABLE store_meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE ingest_runs (
    id               BIGINT PRIMARY KEY,
    kind             VARCHAR NOT NULL,      -- ingest | recode
    started_at       TIMESTAMP NOT NULL,    -- UTC
    finished_at      TIMESTAMP,             -- UTC; null while running or after a crash
    dict_version     VARCHAR NOT NULL,
    inputs           VARCHAR,
    status           VARCHAR NOT NULL,      -- running | done | failed | cancelled
    articles_read    BIGINT NOT NULL DEFAULT 0,
    articles_stored  BIGINT NOT NULL DEFAULT 0,
    articles_skipped BIGINT NOT NULL DEFAULT 0,
    events_created   BIGINT NOT NULL DEFAULT 0,
    mentions_stored  BIGINT NOT NULL DEFAULT 0,
    failures         BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id           BIGINT PRIMARY KEY,
    article_key  VARCHAR NOT NULL UNIQUE,   -- url:<normalised url> | sha256:<normalised content hash>
    doc_id       VARCHAR NOT NULL,
    source       VARCHAR,
    url          VARCHAR,
    title        VARCHAR,
    published    DATE,
    language     VARCHAR,
    content_hash VARCHAR NOT NULL,
    raw_text     VARCHAR NOT NULL,
    run_id       BIGINT NOT NULL,
    ingested_at  TIMESTAMP NOT NULL
);

CREATE TABLE sentences (
    article_id   BIGINT NOT NULL,
    idx          INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,           -- [start, end) into articles.raw_text
    end_offset   INTEGER NOT NULL
);

CREATE TABLE events (
    id                   BIGINT NOT NULL,
    dedup_key            VARCHAR NOT NULL,
    event_day            DATE,               -- event date (to the day) or else the report date
    dict_version         VARCHAR NOT NULL,
    doc_id               VARCHAR NOT NULL,   -- the fields below are those of the first mention
    sentence             INTEGER NOT NULL,
    source               VARCHAR,
    source_text          VARCHAR,
    target               VARCHAR,
    target_text          VARCHAR,
    code                 VARCHAR NOT NULL,
    root                 VARCHAR NOT NULL,
    quad                 INTEGER NOT NULL,
    goldstein            DOUBLE NOT NULL,
    negated              BOOLEAN NOT NULL,
    date                 VARCHAR,
    date_precision       VARCHAR,
    location_name        VARCHAR,
    location_country     VARCHAR,
    location_lat         DOUBLE,
    location_lon         DOUBLE,
    location_admin1      VARCHAR,
    location_geonames_id BIGINT,
    location_confidence  DOUBLE,
    evidence_start       INTEGER NOT NULL,
    evidence_end         INTEGER NOT NULL,
    evidence_text        VARCHAR NOT NULL,
    trigger_start        INTEGER NOT NULL,
    trigger_end          INTEGER NOT NULL,
    trigger_text         VARCHAR NOT NULL,
    source_span_start    INTEGER,
    source_span_end      INTEGER,
    target_span_start    INTEGER,
    target_span_end      INTEGER,
    rule                 VARCHAR NOT NULL,
    plover               VARCHAR,
    code_name            VARCHAR,
    first_article_id     BIGINT NOT NULL,
    num_mentions         INTEGER NOT NULL,
    num_sources          INTEGER NOT NULL,
    num_articles         INTEGER NOT NULL,
    is_root              BOOLEAN NOT NULL,   -- some mention is in the headline or first sentence
    added_at             TIMESTAMP NOT NULL,
    run_id               BIGINT NOT NULL
);

CREATE TABLE event_mentions (
    id                BIGINT NOT NULL,
    event_id          BIGINT NOT NULL,
    article_id        BIGINT NOT NULL,
    run_id            BIGINT NOT NULL,
    dict_version      VARCHAR NOT NULL,
    doc_id            VARCHAR NOT NULL,
    sentence          INTEGER NOT NULL,
    source_name       VARCHAR NOT NULL,      -- publisher of the article (for NumSources)
    source            VARCHAR,
    target            VARCHAR,
    code              VARCHAR NOT NULL,
    root              VARCHAR NOT NULL,
    goldstein         DOUBLE NOT NULL,
    negated           BOOLEAN NOT NULL,
    date              VARCHAR,
    location_name     VARCHAR,
    location_country  VARCHAR,
    evidence_start    INTEGER NOT NULL,
    evidence_end      INTEGER NOT NULL,
    evidence_text     VARCHAR NOT NULL,
    trigger_start     INTEGER NOT NULL,
    trigger_end       INTEGER NOT NULL,
    trigger_text      VARCHAR NOT NULL,
    source_text       VARCHAR,
    target_text       VARCHAR,
    source_span_start INTEGER,
    source_span_end   INTEGER,
    target_span_start INTEGER,
    target_span_end   INTEGER,
    rule              VARCHAR NOT NULL
);

CREATE TABLE failures (
    id        BIGINT NOT NULL,
    run_id    BIGINT NOT NULL,
    doc_id    VARCHAR,
    origin    VARCHAR,
    reason    VARCHAR NOT NULL,
    failed_at TIMESTAMP NOT NULL
);
