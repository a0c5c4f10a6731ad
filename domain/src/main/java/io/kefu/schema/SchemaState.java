package io.kefu.schema;

/** Where startup migration stands on this node; the readiness check reports it. */
public record SchemaState(boolean ready, String database, String version, String error) {

    static SchemaState pending() {
        return new SchemaState(false, null, null, "migration has not run yet");
    }

    static SchemaState ready(String database, String version) {
        return new SchemaState(true, database, version, null);
    }

    static SchemaState failed(String error) {
        return new SchemaState(false, null, null, error);
    }
}
