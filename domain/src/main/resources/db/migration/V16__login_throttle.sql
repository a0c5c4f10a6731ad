-- Kefu schema, version 16: failed logins, counted where every node of a cluster sees them, to slow down
-- password guessing. One row per account, per client address, and per account at an address; the key is a
-- SHA-256 digest, so the table holds neither usernames nor addresses. Rows nobody used for a month are purged.

CREATE TABLE login_failure (
    throttle_key VARCHAR(64) PRIMARY KEY,
    failures     INTEGER NOT NULL,
    last_failure TIMESTAMP WITH TIME ZONE,
    last_success TIMESTAMP WITH TIME ZONE,
    last_seen    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX login_failure_last_seen ON login_failure (last_seen);
