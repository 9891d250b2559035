-- influence4j delivery queue (outbox for what the shop sends, inbox for webhooks it receives).
-- Times are epoch milliseconds (UTC). Flyway/Liquibase users: copy this file into a migration.
CREATE TABLE IF NOT EXISTS influence_outbox (
    id              BIGSERIAL     PRIMARY KEY,
    kind            VARCHAR(64)   NOT NULL,
    entity_key      VARCHAR(255)  NOT NULL,
    dedup_key       VARCHAR(255),
    payload         TEXT          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at BIGINT        NOT NULL,
    last_error      VARCHAR(2000),
    claimed_by      VARCHAR(128),
    lease_until     BIGINT,
    created_at      BIGINT        NOT NULL,
    updated_at      BIGINT        NOT NULL,
    priority        SMALLINT      NOT NULL DEFAULT 0,
    CONSTRAINT influence_outbox_dedup UNIQUE (dedup_key)
);
CREATE INDEX IF NOT EXISTS influence_outbox_claim ON influence_outbox (status, priority, next_attempt_at, id);
CREATE INDEX IF NOT EXISTS influence_outbox_key ON influence_outbox (entity_key, id);

-- Imports of existing data (backfill), one row per kind; a node runs a kind's import while it holds the lease.
CREATE TABLE IF NOT EXISTS influence_backfill (
    kind            VARCHAR(32)   NOT NULL PRIMARY KEY,
    status          VARCHAR(16)   NOT NULL,
    cursor_value    VARCHAR(1000),
    read_count      BIGINT        NOT NULL DEFAULT 0,
    written_count   BIGINT        NOT NULL DEFAULT 0,
    failed_count    BIGINT        NOT NULL DEFAULT 0,
    total           BIGINT,
    dry_run         SMALLINT      NOT NULL DEFAULT 0,
    since_at        BIGINT,
    claimed_by      VARCHAR(128),
    lease_until     BIGINT,
    last_error      VARCHAR(2000),
    failed_items    VARCHAR(2000),
    started_at      BIGINT        NOT NULL,
    updated_at      BIGINT        NOT NULL,
    finished_at     BIGINT,
    waited_millis   BIGINT        NOT NULL DEFAULT 0 -- paused, or behind an earlier kind: left out of the rate
);
