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
    CONSTRAINT influence_outbox_dedup UNIQUE (dedup_key)
);
CREATE INDEX IF NOT EXISTS influence_outbox_due ON influence_outbox (status, next_attempt_at, id);
CREATE INDEX IF NOT EXISTS influence_outbox_key ON influence_outbox (entity_key, id);
