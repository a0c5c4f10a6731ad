package io.kefu.schema;

/** Fired once at startup after the schema is current; observers may then read and write. */
public record SchemaMigrated(String database, String version) {
}
