/**
 * The database schema, changed only by Flyway migrations ({@code db/migration}) that run on PostgreSQL and
 * H2 alike. Migration runs once at startup, before the portal reports ready; other startup work (the
 * bootstrap admin, demo data) waits for {@link io.kefu.schema.SchemaMigrated}.
 */
package io.kefu.schema;
