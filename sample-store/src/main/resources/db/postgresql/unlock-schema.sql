-- See lock-schema.sql.
SELECT pg_advisory_unlock(4623001);
