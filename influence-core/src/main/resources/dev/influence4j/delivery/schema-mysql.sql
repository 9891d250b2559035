-- influence4j delivery queue (outbox for what the shop sends, inbox for webhooks it receives).
-- MySQL 8.0+ and MariaDB 10.6+ (both needed for FOR UPDATE SKIP LOCKED). InnoDB.
-- Binary collation, so that keys compare as the code compares them: with the default collations, which ignore
-- case, a delivered 'product:SKU-A' counted as a newer state of 'product:sku-a' (never sent then), and two
-- webhooks whose ids differ only in case as one. (Trailing spaces still do not count: utf8mb4_bin pads.)
-- Times are epoch milliseconds (UTC). Flyway/Liquibase users: copy this file into a migration.
CREATE TABLE IF NOT EXISTS influence_outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(64)   NOT NULL,
    entity_key      VARCHAR(255)  NOT NULL,
    dedup_key       VARCHAR(255),
    payload         MEDIUMTEXT    NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at BIGINT        NOT NULL,
    last_error      VARCHAR(2000),
    claimed_by      VARCHAR(128),
    lease_until     BIGINT,
    created_at      BIGINT        NOT NULL,
    updated_at      BIGINT        NOT NULL,
    priority        SMALLINT      NOT NULL DEFAULT 0,
    CONSTRAINT influence_outbox_dedup UNIQUE (dedup_key),
    INDEX influence_outbox_claim (status, priority, next_attempt_at, id),
    INDEX influence_outbox_key (entity_key, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

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
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
