package io.kefu.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.identity.entity.Membership;
import io.kefu.identity.entity.UserAccount;
import io.kefu.tenancy.entity.Tenant;
import io.kefu.workspace.entity.OfficeSettings;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapshotsTest {

    private final Snapshots snapshots = new Snapshots();
    private final AtomicInteger reads = new AtomicInteger();

    private String read(String value) {
        reads.incrementAndGet();
        return value;
    }

    @Test
    void aTenantsCopyAnswersForThatTenantOnlyAndIsReadOnce() {
        assertEquals("A's hours", snapshots.get(Snapshots.tenant(1), "calendar", () -> read("A's hours")));
        assertEquals("A's hours", snapshots.get(Snapshots.tenant(1), "calendar", () -> read("again")));
        // Tenant B asks for the same thing: it gets its own, never A's copy.
        assertEquals("B's hours", snapshots.get(Snapshots.tenant(2), "calendar", () -> read("B's hours")));
        assertEquals(2, reads.get());
        snapshots.drop(Snapshots.tenant(2));
        assertEquals("A's hours", snapshots.get(Snapshots.tenant(1), "calendar", () -> read("unused")));
        assertEquals("B's new hours", snapshots.get(Snapshots.tenant(2), "calendar", () -> read("B's new hours")));
    }

    @Test
    void aLoadThatRacedADropIsNotKept() {
        // The read sees the old value, then a change commits and drops the scope before the read is kept.
        String first = snapshots.get(Snapshots.tenant(1), "sla", () -> {
            String old = read("old");
            snapshots.drop(Snapshots.tenant(1));
            return old;
        });
        assertEquals("old", first);
        assertEquals("new", snapshots.get(Snapshots.tenant(1), "sla", () -> read("new")));
        assertEquals("new", snapshots.get(Snapshots.tenant(1), "sla", () -> read("unused")));
        assertEquals(2, reads.get());
    }

    @Test
    void nothingIsAValueAndOnlyWhatIsWorthKeepingIsKept() {
        assertNull(snapshots.get(Snapshots.TENANTS, "nobody", () -> read(null)));
        assertNull(snapshots.get(Snapshots.TENANTS, "nobody", () -> read("unused")));
        assertEquals(1, reads.get());
        assertEquals("busy", snapshots.get(Snapshots.CLEAN_LOGINS, "k", () -> read("busy"), v -> v.equals("clean")));
        assertEquals("clean", snapshots.get(Snapshots.CLEAN_LOGINS, "k", () -> read("clean"), v -> v.equals("clean")));
        assertEquals("clean", snapshots.get(Snapshots.CLEAN_LOGINS, "k", () -> read("unused"), v -> true));
        assertEquals(3, reads.get());
    }

    @Test
    void aTransactionThatChangedAScopeReadsItFreshUntilItCommits() {
        snapshots.transactions = new OneTransaction();
        assertEquals("before", snapshots.get(Snapshots.tenant(1), "anonymous", () -> read("before")));
        snapshots.changing(Snapshots.tenant(1));
        assertEquals("its own change", snapshots.get(Snapshots.tenant(1), "anonymous", () -> read("its own change")));
        assertEquals("its own change", snapshots.get(Snapshots.tenant(1), "anonymous", () -> read("its own change")));
        // Other scopes are still served from the copy.
        assertEquals("x", snapshots.get(Snapshots.tenant(2), "anonymous", () -> read("x")));
        assertEquals("x", snapshots.get(Snapshots.tenant(2), "anonymous", () -> read("unused")));
        assertEquals(4, reads.get());
        snapshots.committed(new Stale(Snapshots.tenant(1)));
        snapshots.transactions = null;
        assertEquals("after", snapshots.get(Snapshots.tenant(1), "anonymous", () -> read("after")));
    }

    @Test
    void aChangeMakesStaleTheScopeOfWhatChanged() {
        assertEquals(List.of(Snapshots.account("li.qiang")),
                SnapshotChanges.scopesOf(UserAccount.invited("li.qiang", "李强", "li@example.com",
                        java.time.Clock.systemUTC()), null));
        assertEquals(List.of(Snapshots.tenant(7)), SnapshotChanges.scopesOf(OfficeSettings.defaults(), 7L));
        assertEquals(List.of(), SnapshotChanges.scopesOf(OfficeSettings.defaults(), null));
        assertTrue(SnapshotChanges.scopesOf("not an entity", 7L).isEmpty());
        assertTrue(SnapshotChanges.scopesOf(new Object(), 7L).isEmpty());
        assertEquals(Snapshots.account("li.qiang"), Snapshots.account(" LI.QIANG "));
        assertTrue(Membership.class.isAnnotationPresent(jakarta.persistence.EntityListeners.class));
        assertTrue(Tenant.class.isAnnotationPresent(jakarta.persistence.EntityListeners.class));
    }

    /** The registry of one open transaction, as the container would give it. */
    private static final class OneTransaction implements TransactionSynchronizationRegistry {

        private final Map<Object, Object> resources = new HashMap<>();

        @Override
        public Object getTransactionKey() {
            return "tx-1";
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
        }

        @Override
        public int getTransactionStatus() {
            return 0;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
