-- Taken before the schema scripts, on the connection that runs them, released by unlock-schema.sql (or when
-- the connection closes, should a script fail). Nodes starting at once on an empty database would otherwise run
-- CREATE TABLE IF NOT EXISTS side by side, and PostgreSQL lets only one of two concurrent creations of a table
-- succeed: the other fails on its catalogue's unique index instead of finding the table. With the lock, one node
-- creates the tables and the others wait, then find them.
SELECT pg_advisory_lock(4623001);
