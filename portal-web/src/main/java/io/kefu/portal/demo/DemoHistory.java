package io.kefu.portal.demo;

import io.kefu.job.JobLeases;
import io.kefu.portal.operations.RoutingDataSource;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives the demo tenants six months of past cases ({@link HistoryPlan}), so that a newcomer's charts and reports
 * are not blank. Written in the background once the node has started — readiness never waits for it — one month per
 * transaction, and only once: a tenant with any case from before the current month has a history already (a real
 * tenant is never touched: this runs only with the demo seed, and only for the demo tenants). On by default with
 * the embedded database, like the demo itself; {@code KEFU_DEMO_HISTORY=false} leaves the demo without it (the
 * integration tests do, to count their own cases). Then the last complete quarter's complaint analysis is published
 * with its actions ({@link DemoQuarterly}).
 *
 * <p>Once also across nodes: {@link DemoData} seeds only under the job lease {@value #LEASE}, which the node
 * holding it gives back when its history is written (or not wanted). Two nodes started on one fresh database would
 * otherwise both find no history and both write one. A node that dies with the lease leaves it to run out, and the
 * next node to start then seeds what is missing (a history begun is not written again).
 */
@ApplicationScoped
public class DemoHistory {

    /** The fixed seed: every fresh demo shows the same office, relative to the current month. */
    static final long SEED = 20_261_204L;
    private static final Logger LOG = Logger.getLogger(DemoHistory.class.getName());
    static final Map<String, LongFunction<HistoryProfile>> PROFILES = Map.of(
            "huijing-property", HistoryProfile::huijing, "riverside-mall", HistoryProfile::riverside);

    /**
     * How long after the demo seeding the writing starts: long enough for the node to open its port and report
     * ready (a second or two after the seeding on an idle machine), so that the start is not slowed by it.
     */
    static final Duration START_DELAY = Duration.ofSeconds(5);
    /** The job lease the demo is seeded under (its row is made by the V24_1 migration). */
    static final String LEASE = "demo-seed";
    /** Ample for the seeding and the history (under a minute on this machine, minutes on a loaded one). */
    static final Duration LEASE_LENGTH = Duration.ofMinutes(15);

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    HistoryWriter writer;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    DemoHistory self;

    @Inject
    DemoTables tables;

    @Inject
    DemoQuarterly quarterly;

    @Inject
    Clock clock;

    @Inject
    JobLeases leases;

    @Inject
    @ConfigProperty(name = "kefu.demo.history")
    Optional<Boolean> enabled;

    @Inject
    @ConfigProperty(name = "kefu.db.url", defaultValue = RoutingDataSource.EMBEDDED_DEFAULT)
    String databaseUrl;

    /**
     * Starts writing the demo tenants' history on a container thread shortly, unless switched off; gives the lease
     * {@value #LEASE} back when done.
     */
    void start(List<TenantRef> tenants) {
        if (!enabled.orElse(RoutingDataSource.isEmbedded(databaseUrl))) {
            leases.release(LEASE);
            return;
        }
        executor.schedule(() -> self.write(tenants, clock.instant()), START_DELAY.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Runs on the container thread, in a request context of its own, tenant after tenant. */
    @ActivateRequestContext
    public void write(List<TenantRef> tenants, Instant now) {
        try {
            writeAll(tenants, now);
        } finally {
            leases.release(LEASE);
        }
    }

    private void writeAll(List<TenantRef> tenants, Instant now) {
        for (TenantRef tenant : tenants) {
            LongFunction<HistoryProfile> profile = PROFILES.get(tenant.slug().value());
            if (profile == null) {
                continue;
            }
            try {
                write(tenant, profile.apply(SEED), now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Demo history of " + tenant.slug().value() + " not written", e);
            }
        }
    }

    private void write(TenantRef tenant, HistoryProfile profile, Instant now) {
        long started = System.nanoTime();
        Instant thisMonth = YearMonth.from(now.atZone(tenant.zone())).atDay(1).atStartOfDay(tenant.zone()).toInstant();
        if (currentTenant.runAs(tenant, () -> writer.hasHistoryBefore(thisMonth))) {
            return;
        }
        currentTenant.runAs(tenant, () -> {
            writer.prepare(profile);
            return null;
        });
        HistoryPlan.Rules rules = currentTenant.runAs(tenant, writer::rules);
        Map<YearMonth, List<HistoryPlan.Case>> months = HistoryPlan.of(SEED ^ tenant.slug().value().hashCode(),
                profile, rules, now).stream().collect(Collectors.groupingBy(c -> c.month(tenant.zone()), TreeMap::new,
                        Collectors.toList()));
        HistoryWriter.Written total = new HistoryWriter.Written(0, 0, 0, 0);
        StringBuilder perMonth = new StringBuilder();
        for (Map.Entry<YearMonth, List<HistoryPlan.Case>> month : months.entrySet()) {
            HistoryWriter.Written written = currentTenant.runAs(tenant, () -> writer.write(month.getValue(), now));
            total = total.plus(written);
            perMonth.append(' ').append(month.getKey()).append('=').append(written.cases());
        }
        YearMonth last = YearMonth.from(now.atZone(tenant.zone())).minusMonths(1);
        String prefix = tenant.slug().value().substring(0, tenant.slug().value().indexOf('-'));
        currentTenant.runAs(tenant, () -> {
            tables.publish(List.of(last.minusMonths(2), last.minusMonths(1)), prefix);
            quarterly.publish(prefix + ".supervisor", prefix + ".engineer");
            return null;
        });
        HistoryWriter.Written done = total;
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(() -> String.format("Demo history of %s written in %.1f s: %d cases (%d open now), %d callback "
                + "attempts, %d survey answers; per month:%s", tenant.slug().value(), took.toMillis() / 1000.0,
                done.cases(), done.open(), done.callbacks(), done.surveys(), perMonth));
    }
}
