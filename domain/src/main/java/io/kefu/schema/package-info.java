/**
 * The database schema, changed only by Flyway migrations ({@code db/migration}), on PostgreSQL only (the
 * early migrations also ran on H2, which has left the product; applied migrations are never edited, so their
 * comments still say so). Migration runs once at startup, before the portal reports ready; other startup work (the
 * bootstrap admin, demo data) waits for {@link io.kefu.schema.SchemaMigrated}.
 */
package io.kefu.schema;
