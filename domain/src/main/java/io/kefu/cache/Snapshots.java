package io.kefu.cache;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * This node's copies of rarely changing data, read on every request (see the package). Each copy lives under a
 * <em>scope</em> — one tenant's configuration, one account, the tenant directory — and a committed change of
 * anything in a scope drops the whole scope, on every node ({@link SnapshotChanges}, {@link #drop(String)}).
 *
 * <p>Never shared between tenants: a tenant's copies live under its own scope and are found only by its id, so
 * a copy of tenant A cannot answer for tenant B (the same guarantee as EclipseLink's
 * {@code tenants-share-cache=false}, which keeps tenant entities out of its shared cache).
 *
 * <p>Three rules keep a copy from outliving the truth:
 * <ul>
 * <li>A load that began before a drop of its scope is not kept (the scope's generation moved on meanwhile), so a
 * read racing a commit cannot put the old value back after the drop.</li>
 * <li>A transaction that changed something in a scope reads that scope from the database for the rest of the
 * transaction (it must see its own change, which no copy holds yet).</li>
 * <li>Copies expire after {@link #MAX_AGE} in any case, a bound for a drop lost between nodes (the grid's topic
 * delivers at most once; a node that rejoins the cluster drops everything, see the portal's grid bridge).</li>
 * </ul>
 * Values must be immutable (records, unmodifiable lists) or never changed by their readers.
 */
@ApplicationScoped
public class Snapshots {

    /** The scope of the tenant directory (slug → tenant). */
    public static final String TENANTS = "tenants";
    /** The scope of logins known to have no failures to count ({@code LoginThrottle}). */
    public static final String CLEAN_LOGINS = "logins";
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    static final int MAX_SCOPES = 50_000;
    static final int MAX_COPIES_PER_SCOPE = 50_000;
    private static final String DIRTY = Snapshots.class.getName() + ".dirty";
    private static final Object ABSENT = new Object();

    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();

    @Resource
    TransactionSynchronizationRegistry transactions;

    public static String tenant(long tenantId) {
        return "tenant:" + tenantId;
    }

    public static String account(String username) {
        return "account:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The copy of {@code name} in {@code scope}, loaded by {@code loader} (in the caller's transaction) when there
     * is none; {@code null} is a value too (e.g. "no such account").
     */
    public <T> T get(String scope, String name, Supplier<T> loader) {
        return get(scope, name, loader, loaded -> true);
    }

    /** As {@link #get(String, String, Supplier)}, keeping only what {@code worthKeeping} accepts. */
    @SuppressWarnings("unchecked")
    public <T> T get(String scope, String name, Supplier<T> loader, Predicate<T> worthKeeping) {
        if (changedInThisTransaction(scope)) {
            return loader.get();
        }
        if (scopes.size() > MAX_SCOPES) {
            scopes.clear();
        }
        Scope held = scopes.computeIfAbsent(scope, s -> new Scope());
        long now = System.nanoTime();
        Copy copy = held.copies.get(name);
        if (copy != null && now - copy.loadedAt < MAX_AGE.toNanos()) {
            return copy.value == ABSENT ? null : (T) copy.value;
        }
        long generation = held.generation;
        T loaded = loader.get();
        if (worthKeeping.test(loaded)) {
            held.keep(generation, name, new Copy(loaded == null ? ABSENT : loaded, now));
        }
        return loaded;
    }

    /** Drops every copy in {@code scope} on this node. */
    public void drop(String scope) {
        Scope held = scopes.get(scope);
        if (held != null) {
            held.clear();
        }
    }

    /** Drops every copy on this node (a node that may have missed drops while apart from the cluster). */
    public void dropAll() {
        scopes.values().forEach(Scope::clear);
    }

    /** Called inside the changing transaction: it reads that scope fresh from now on. */
    void changing(String scope) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> dirty = (Set<String>) transactions.getResource(DIRTY);
        if (dirty == null) {
            dirty = new HashSet<>();
            transactions.putResource(DIRTY, dirty);
        }
        dirty.add(scope);
    }

    /** After the changing transaction committed: this node's copies go at once (other nodes: the grid). */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Stale stale) {
        drop(stale.scope());
    }

    private boolean changedInThisTransaction(String scope) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            return false;
        }
        Object dirty = transactions.getResource(DIRTY);
        return dirty instanceof Set<?> scopesChanged && scopesChanged.contains(scope);
    }

    private record Copy(Object value, long loadedAt) {
    }

    /** The copies of one scope and its generation, which every drop moves on. */
    private static final class Scope {

        final Map<String, Copy> copies = new ConcurrentHashMap<>();
        volatile long generation;

        synchronized void keep(long loadedInGeneration, String name, Copy copy) {
            if (generation == loadedInGeneration) {
                if (copies.size() >= MAX_COPIES_PER_SCOPE) {
                    copies.clear();
                }
                copies.put(name, copy);
            }
        }

        synchronized void clear() {
            generation++;
            copies.clear();
        }
    }
}
