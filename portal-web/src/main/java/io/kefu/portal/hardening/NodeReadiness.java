package io.kefu.portal.hardening;

import io.kefu.schema.SchemaMigrated;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Whether this node may serve: once its schema is migrated (the same moment {@code /health/ready} turns UP).
 * Learnt from the migration's event rather than asked of the migration bean on every request, which would wait
 * for the migration instead of answering that it is still running.
 */
@ApplicationScoped
public class NodeReadiness {

    private volatile boolean ready;

    /** First among the observers: the work after migration (demo data, first operator) may fail without this. */
    void migrated(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) SchemaMigrated schema) {
        ready = true;
    }

    public boolean isReady() {
        return ready;
    }
}
