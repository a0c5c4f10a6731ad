package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.admin.provisioning.boundary.NewTenant;
import io.kefu.admin.provisioning.boundary.TenantProvisioning;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.Intake;
import io.kefu.tenancy.entity.TenantKind;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Case numbers come from the database, inside the filing's transaction: concurrent filings of two tenants get
 * unique, gapless serials per tenant; a filing that fails gives its number back; the month is the tenant's.
 * A stored case keeps its history, and another tenant does not find it by its number.
 */
@ExtendWith(ArquillianExtension.class)
class CaseNumberingIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal(NumberingProbe.class, NumberingProbe.FilingFailed.class);
    }

    @Inject
    NumberingProbe probe;

    @Inject
    TenantProvisioning provisioning;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Test
    void concurrentFilingsOfTwoTenantsGetUniqueGaplessNumbers() throws Exception {
        TenantRef a = freshTenant("Asia/Shanghai");
        TenantRef b = freshTenant("Asia/Shanghai");
        Instant now = Instant.parse("2026-11-23T03:00:00Z");

        List<Future<String>> filings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            TenantRef tenant = i % 2 == 0 ? a : b;
            filings.add(executor.submit(() -> probe.allocate(tenant, now, false)));
        }
        List<String> numbers = new ArrayList<>();
        for (Future<String> filing : filings) {
            numbers.add(filing.get());
        }

        Set<String> expected = IntStream.rangeClosed(1, 100).mapToObj(n -> String.format("202611-%04d", n))
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> ofA = new ArrayList<>();
        List<String> ofB = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            (i % 2 == 0 ? ofA : ofB).add(numbers.get(i));
        }
        assertEquals(expected, new TreeSet<>(ofA), "tenant A: 1..100, each once");
        assertEquals(100, ofA.size());
        assertEquals(expected, new TreeSet<>(ofB), "tenant B counts on its own: 1..100, each once");
        assertEquals(100, ofB.size());
    }

    @Test
    void aFailedFilingGivesItsNumberBack() {
        TenantRef tenant = freshTenant("Asia/Shanghai");
        Instant now = Instant.parse("2026-11-23T03:00:00Z");
        assertEquals("202611-0001", probe.allocate(tenant, now, false));
        NumberingProbe.FilingFailed failed = assertThrows(NumberingProbe.FilingFailed.class,
                () -> probe.allocate(tenant, now, true));
        assertEquals("202611-0002", failed.number());
        assertEquals("202611-0002", probe.allocate(tenant, now, false), "no gap after the failed filing");
    }

    @Test
    void theMonthTurnsAtMidnightInTheTenantsZone() {
        Instant halfPastMidnightInShanghai = Instant.parse("2026-11-30T16:30:00Z");
        TenantRef shanghai = freshTenant("Asia/Shanghai");
        TenantRef london = freshTenant("Europe/London");
        assertEquals("202611-0001", probe.allocate(shanghai, Instant.parse("2026-11-30T15:59:00Z"), false));
        assertEquals("202612-0001", probe.allocate(shanghai, halfPastMidnightInShanghai, false),
                "a new month starts again at 1");
        assertEquals("202611-0001", probe.allocate(london, halfPastMidnightInShanghai, false),
                "still November in London");
    }

    @Test
    void aCaseIsStoredWithItsHistoryAndOnlyItsTenantFindsIt() {
        TenantRef a = freshTenant("Asia/Shanghai");
        TenantRef b = freshTenant("Asia/Shanghai");
        String number = probe.file(a, new Intake(CaseKind.REPAIR, "repairs", "厨房水管漏水", "5栋301", "李先生",
                "13900139000", null, "尽快维修", false));
        probe.acceptAndReply(a, number, "huijing.staff");

        assertEquals(Optional.of(List.of("REGISTER", "ACCEPT", "REPLY")), probe.history(a, number));
        assertEquals(Optional.empty(), probe.history(b, number), "B does not find A's case by its number");
    }

    private TenantRef freshTenant(String zone) {
        String slug = "num-" + UUID.randomUUID().toString().substring(0, 8);
        return provisioning.open(new NewTenant(slug, "编号测试", "Numbering test", TenantKind.PROPERTY, zone, "zh-CN"));
    }
}
