package io.kefu.it.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.admin.provisioning.boundary.TenantUsage;
import io.kefu.handover.boundary.HandoverWatch;
import io.kefu.i18n.LocalizedName;
import io.kefu.identity.boundary.Accounts;
import io.kefu.it.Deployments;
import io.kefu.it.MailServer;
import io.kefu.it.PortalClient;
import io.kefu.it.isolation.Ledger.Mode;
import io.kefu.it.isolation.PageAreas.Area;
import io.kefu.it.isolation.PageAreas.Page;
import io.kefu.it.isolation.Recipes.Exposure;
import io.kefu.it.isolation.Recipes.Recipe;
import io.kefu.schema.SchemaMigration;
import io.kefu.survey.boundary.SurveyDispatch;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.control.RowSecurity;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import io.kefu.workspace.entity.Category;
import io.kefu.workspace.entity.Code;
import io.kefu.workspace.entity.Department;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No tenant sees or touches anything of another, through either wall.
 *
 * <p>The matrix: two fresh tenants, a victim and a stranger, are filled through the API by their own people. Then
 * every operation of the API's OpenAPI document (an operation without a recipe fails the test) and every page of
 * the war (a view without an address fails it) is called by the stranger's staff, supervisor, admin, resident and
 * by an anonymous caller: on the victim's path with the victim's identifiers, and on the stranger's own path with
 * the victim's identifiers. Counted: attempts, refusals, leaks (answers showing any of the victim's data that the
 * caller did not send) and writes (a checksum of every victim row before and after); the platform operator's
 * operations are tried by both tenants' admins. The figures go to {@code target/isolation-matrix.txt}.
 *
 * <p>The second wall: PostgreSQL's row-level security, tried inside the container with the real EntityManager:
 * deliberately unfiltered native SQL sees the bound tenant's rows only, writes another tenant's row never. And the
 * EclipseLink discriminator checks from the first isolation tests (demo tenants): find, JPQL, bulk update and
 * delete, no tenant, no switch, no write by primary key.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IsolationMatrixIT {

    static final String VICTIM = "iso-victim";
    static final String STRANGER = "iso-stranger";
    /** The demo tenants, for the EclipseLink checks. */
    static final String A = "huijing-property";
    static final String B = "riverside-mall";
    static final String DEMO_PASSWORD = "kefu-demo-2026";
    private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

    /** The two filled tenants, kept by the client between its steps. */
    private static TenantFixture victim;
    private static TenantFixture stranger;

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal(PortalClient.class).addPackage(IsolationMatrixIT.class.getPackage());
    }

    @Inject
    IsolationProbe probe;

    @Inject
    EntityManager em;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Tenants tenants;

    @Inject
    Accounts accounts;

    @Inject
    SurveyDispatch surveys;

    @Inject
    HandoverWatch handoverWatch;

    @Inject
    TenantUsage usage;

    /** The container's own object, looked up once (CDI's proxy looks it up on every call, and rarely misses). */
    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @ArquillianResource
    URL base;

    // ---------------------------------------------------------------- the matrix's tenants

    @Test
    @Order(1)
    void eachMatrixTenantHasItsPeopleAndSeesNoneOfTheOthers() {
        TenantRef v = probe.open(VICTIM, "隔离受害方", "Isolation victim");
        TenantRef s = probe.open(STRANGER, "隔离旁观方", "Isolation stranger");
        for (String role : TenantFixture.ROLES) {
            String ofVictim = TenantFixture.username(VICTIM, role);
            assertEquals(1, currentTenant.runAs(v, () -> accounts.rolesIn(ofVictim, v.id())).size(), ofVictim);
            assertEquals(Set.of(), currentTenant.runAs(v, () -> accounts.rolesIn(TenantFixture.username(STRANGER,
                    role), v.id())));
            // Asked by a transaction of the stranger, even naming the victim's id, the database shows nothing.
            assertEquals(Set.of(), currentTenant.runAs(s, () -> accounts.rolesIn(ofVictim, v.id())), ofVictim);
        }
    }

    @Test
    @Order(2)
    @RunAsClient
    void theirOwnPeopleFillBothTenantsThroughTheApi() {
        PortalClient.awaitReady(base);
        victim = new TenantFixture(base, VICTIM, "vic", "2031-05-04");
        stranger = new TenantFixture(base, STRANGER, "str", "2031-06-04");
        victim.fill();
        stranger.fill();
    }

    // ---------------------------------------------------------------- the second wall, inside the container

    @Test
    @Order(0)
    void rowLevelSecurityRefusesAnotherTenantsRowsWhateverTheQuery() throws Exception {
        // Two tenants and their rows made by plain SQL, and only plain SQL after: EclipseLink's discriminator plays
        // no part, the database alone keeps them apart.
        String run = UUID.randomUUID().toString().substring(0, 8);
        TenantRef a = nativeTenant("rls-a-" + run);
        TenantRef b = nativeTenant("rls-b-" + run);
        as(a, () -> nativeDepartments(a, 2));
        as(b, () -> nativeDepartments(b, 3));
        List<String> tables = tenantTables();
        assertTrue(tables.containsAll(List.of("complaint", "case_event", "attachment", "membership", "outbound_mail",
                "survey_invitation", "resident", "audit_entry")), tables.toString());

        as(a, () -> {
            for (String table : tables) {
                List<?> owners = nativeRows("SELECT DISTINCT tenant_id FROM " + table);
                assertTrue(owners.stream().allMatch(o -> ((Number) o).longValue() == a.id()), table + ": " + owners);
            }
            assertEquals(2L, ((Number) nativeRows("SELECT COUNT(*) FROM department").get(0)).longValue(),
                    "a deliberately unfiltered query sees the bound tenant's rows only");
            assertEquals(0, em.createNativeQuery("UPDATE department SET name_en = 'changed' WHERE tenant_id = ?1")
                    .setHint(NATIVE, true).setParameter(1, b.id()).executeUpdate(), "the other tenant's rows stay");
            return null;
        });
        String policy = "row-level security";
        assertRefusedByTheDatabase(a, policy, "INSERT INTO department (tenant_id, code, name_zh, name_en, active,"
                + " version) VALUES (" + b.id() + ", 'rls-probe', '越权', 'Intruder', TRUE, 0)");
        assertRefusedByTheDatabase(a, policy, "UPDATE department SET tenant_id = " + b.id());
        as(b, () -> {
            assertEquals(List.of("Department 1 of " + b.slug().value(), "Department 2 of " + b.slug().value(),
                    "Department 3 of " + b.slug().value()), nativeRows("SELECT name_en FROM department ORDER BY"
                            + " name_en"), "nothing of the other tenant's attempts arrived");
            return null;
        });
        // Without a tenant, tenant rows are refused loudly (an empty answer would hide the mistake).
        String none = "no tenant named";
        assertRefusedByTheDatabase(null, none, "INSERT INTO department (tenant_id, code, name_zh, name_en, active,"
                + " version) VALUES (" + a.id() + ", 'rls-probe', '无主', 'Nobody', TRUE, 0)");
        assertRefusedByTheDatabase(null, none, "DELETE FROM department");
        try (Connection pooled = dataSource.getConnection(); Statement sql = pooled.createStatement()) {
            Exception refused = assertThrows(java.sql.SQLException.class,
                    () -> sql.executeQuery("SELECT COUNT(*) FROM department"));
            assertTrue(refused.getMessage().contains(none), "a pooled connection outside a transaction carries no "
                    + "tenant: " + refused.getMessage());
        }
        try (Connection pooled = dataSource.getConnection()) {
            assertEquals(List.of(), RowSecurity.problems(pooled), "the role cannot bypass the policies");
        }
    }

    @Test
    @Order(3)
    void filledTenantsSeeTheirOwnRowsOnlyAndJobsWorkTenantByTenant() throws Exception {
        TenantRef v = tenant(VICTIM);
        as(v, () -> {
            for (String table : tenantTables()) {
                List<?> owners = nativeRows("SELECT DISTINCT tenant_id FROM " + table);
                assertTrue(owners.stream().allMatch(o -> ((Number) o).longValue() == v.id()), table + ": " + owners);
            }
            long seen = ((Number) nativeRows("SELECT COUNT(*) FROM complaint").get(0)).longValue();
            assertEquals(em.createQuery("SELECT COUNT(c) FROM Complaint c", Long.class).getSingleResult(), seen,
                    "unfiltered native SQL sees what the tenant's JPQL sees");
            assertEquals(5, seen, "the victim's five cases (one of them major), not the stranger's");
            return null;
        });
        // The survey job goes through the tenants one by one, each in transactions of its own tenant; the real job
        // may have been first (it runs every minute): either way both closed cases' invitations are out now.
        surveys.round(Instant.now());
        // The same for the hand-over watch (every minute at :50): the fixtures' hand-overs have nobody of the next
        // shift to acknowledge them, and an alert the real job wrote during the matrix below would be a write to the
        // victim that no attacker made.
        handoverWatch.round(Instant.now());
        for (String slug : List.of(VICTIM, STRANGER)) {
            as(tenant(slug), () -> {
                assertEquals(1L, ((Number) nativeRows("SELECT COUNT(*) FROM survey_invitation WHERE sent_at IS NOT"
                        + " NULL").get(0)).longValue(), slug);
                return null;
            });
            TenantUsage.Usage figures = usage.of(tenant(slug));
            assertEquals(5, figures.casesThisMonth(), slug + ": the operator's figures reach across tenants");
            assertTrue(figures.storageBytes() > 0, slug + ": the photo");
        }
    }

    // ---------------------------------------------------------------- the matrix, as clients

    @Test
    @Order(5)
    @RunAsClient
    void everyOperationAndPageIsClosedToOtherTenants() throws Exception {
        assertNotNull(victim, "the matrix needs its filled tenants (run the whole class)");
        PortalClient.awaitReady(base);
        PortalClient anonymous = PortalClient.anonymous(base);
        Set<String> documented = ApiOperations.of(anonymous);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(Recipes.all().keySet());
        assertEquals(Set.of(), unknown, "operations the isolation matrix does not know how to call (add a recipe)");
        // A recipe of an operation this API does not have is simply not used (a renamed operation is unknown above).
        Map<String, Recipe> recipes = Recipes.of(documented);
        List<Page> pages = PageAreas.of(new File(System.getProperty("kefu.war")));

        Identifiers v = Identifiers.read(victim, anonymous);
        Identifiers s = Identifiers.read(stranger, anonymous);
        Set<String> actions = new TreeSet<>(v.allowedActions);
        actions.removeAll(Recipes.ACTIONS.keySet());
        assertEquals(Set.of(), actions, "case actions the matrix does not try");
        assertFalse(MailServer.awaitMail(victim.mark() + "@example.com", "", 30).isEmpty(),
                "the victim's mail goes out (one node delivers every tenant's mail)");

        Markers markers = Markers.of(texts(recipes, victim, v), texts(recipes, stranger, s), published(recipes, v),
                union(v.all(), s.all()), Stream.of("", "login", "complaints/new").map(p -> anonymous.get(
                        onPath(VICTIM, p)).body()).toList());
        for (String text : List.of("的第一件：楼道灯坏了", "内部备注", "住户", "问卷", "新同事", "师傅")) {
            assertTrue(markers.contains(victim.mark() + text), "the victim's " + text + " is looked for");
        }

        ownPeopleOpenEveryPage(pages, v);

        Path report = Path.of(System.getProperty("kefu.it.reports", "target"), "isolation-matrix.txt");
        Files.createDirectories(report.getParent());
        long victimId = Fingerprint.tenantId(VICTIM);
        Map<String, String> before = Fingerprint.of(victimId);

        Map<String, PortalClient> callers = new LinkedHashMap<>();
        for (String role : TenantFixture.ROLES) {
            callers.put(STRANGER + "." + role, stranger.person(role));
        }
        callers.put("anonymous", anonymous);
        Side onVictimsPath = new Side(VICTIM, v, s, v);
        Side onOwnPath = new Side(STRANGER, v, v, s);

        Ledger api = new Ledger();
        for (Recipe recipe : recipes.values()) {
            if (recipe.exposure() == Exposure.PLATFORM || recipe.exposure() == Exposure.SELF) {
                // No tenant in the path: tried once, and by the victim's own admin too (no tenant admin is the
                // platform operator).
                Map<String, PortalClient> admins = new LinkedHashMap<>(callers);
                admins.put(VICTIM + ".admin", victim.person("admin"));
                attack(api, recipe, Mode.FOREIGN_PATH, onVictimsPath, admins, markers);
                continue;
            }
            if (recipe.exposure() != Exposure.FILING) {
                attack(api, recipe, Mode.FOREIGN_PATH, onVictimsPath, callers, markers);
            }
            attack(api, recipe, Mode.OWN_PATH, onOwnPath, callers, markers);
        }

        Ledger pageLedger = new Ledger();
        Map<String, PortalClient> sessions = new LinkedHashMap<>();
        for (String role : TenantFixture.ROLES) {
            sessions.put(STRANGER + "." + role, PortalClient.loggedIn(base, STRANGER, TenantFixture.username(STRANGER,
                    role), TenantFixture.PASSWORD));
        }
        sessions.put("anonymous", PortalClient.anonymous(base));
        for (Page page : pages) {
            visit(pageLedger, page, Mode.FOREIGN_PATH, onVictimsPath, sessions, markers);
            visit(pageLedger, page, Mode.OWN_PATH, onOwnPath, sessions, markers);
        }
        PortalClient victimsAdmin = PortalClient.loggedIn(base, VICTIM, TenantFixture.username(VICTIM, "admin"),
                TenantFixture.PASSWORD);
        record(pageLedger, Mode.FOREIGN_PATH, "platform page", VICTIM + ".admin", victimsAdmin,
                Call.get("/platform/"), Set.of(403), markers);
        for (String view : PageAreas.views(new File(System.getProperty("kefu.war")))) {
            if (view.startsWith("tenant/")) {
                for (String caller : List.of(STRANGER + ".admin", "anonymous")) {
                    record(pageLedger, Mode.FOREIGN_PATH, "physical view", caller, sessions.get(caller),
                            Call.get("/" + view), Set.of(404), markers);
                }
            }
        }

        // Filing is open to anybody, so the matrix does not file on the victim's path; but a stranger's staff member
        // registering a phone call there is the public using a staff-only field: refused, nothing filed.
        for (String role : List.of("staff", "supervisor")) {
            record(api, Mode.FOREIGN_PATH, "POST " + Recipes.TENANT + "/complaints (as staff)", STRANGER + "." + role,
                    stranger.person(role), Call.json("POST", v.api("/complaints"), Json.createObjectBuilder()
                            .add("kind", "REPAIR").add("channel", "PHONE").add("description", "别家员工来登记来电")
                            .add("contactPhone", "13700137000").build()), Set.of(422), markers);
        }

        Map<String, String> after = Fingerprint.of(victimId);
        List<String> changed = before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t)))
                .map(t -> t + ": " + before.get(t) + " → " + after.get(t)).toList();

        Files.writeString(report.resolveSibling("isolation-markers.txt"), markers.list() + "\n",
                StandardCharsets.UTF_8);
        String figures = api.summary("API") + "\n" + pageLedger.summary("Pages") + "\nwrites that changed the "
                + "victim: " + changed.size() + " of " + before.size() + " tables and global rows checked"
                + "\nleak markers: " + markers.size() + " texts of the victim";
        Files.writeString(report, figures + "\n", StandardCharsets.UTF_8);
        System.out.println("Isolation matrix\n" + figures);

        List<String> findings = new ArrayList<>(api.findings());
        findings.addAll(pageLedger.findings());
        assertEquals(List.of(), findings, figures);
        assertEquals(List.of(), changed, "writes that reached the victim");
        assertTrue(api.operations() >= documented.size(), "every documented operation was tried");
    }

    // ---------------------------------------------------------------- EclipseLink's discriminator (demo tenants)

    @Test
    void findByAnotherTenantsIdReturnsNothing() throws Exception {
        String code = unique();
        Long bDepartment = as(tenant(B), () -> persistDepartment(code, "B's department"));
        Long bCategory = as(tenant(B), () -> categoryId("product-quality"));

        as(tenant(A), () -> {
            assertNull(em.find(Department.class, bDepartment), "A finds B's department by its id");
            assertNull(em.find(Category.class, bCategory), "A finds B's category by its id");
            return null;
        });
        as(tenant(B), () -> {
            assertNotNull(em.find(Department.class, bDepartment), "B still finds its own department");
            return null;
        });
    }

    @Test
    void jpqlSeesOnlyTheTenantsOwnRows() throws Exception {
        long aId = tenant(A).id();
        List<Department> seenByA = as(tenant(A), () -> em.createNamedQuery(Department.ALL, Department.class)
                .getResultList());
        assertFalse(seenByA.isEmpty());
        assertTrue(seenByA.stream().allMatch(d -> d.tenantId() == aId), "every row A sees is A's");
        assertTrue(seenByA.stream().noneMatch(d -> d.code().value().equals("operations")),
                "B's 'operations' department is invisible to A");
        Long byCode = as(tenant(A), () -> em.createQuery("SELECT COUNT(d) FROM Department d WHERE d.code = "
                + "'operations'", Long.class).getSingleResult());
        assertEquals(0L, byCode);
        Long inB = as(tenant(B), () -> em.createQuery("SELECT COUNT(d) FROM Department d WHERE d.code = "
                + "'operations'", Long.class).getSingleResult());
        assertEquals(1L, inB);
    }

    @Test
    void bulkUpdateChangesOnlyTheTenantsOwnRows() throws Exception {
        String code = unique();
        as(tenant(A), () -> persistDepartment(code, "A original"));
        as(tenant(B), () -> persistDepartment(code, "B original"));

        int updated = as(tenant(A), () -> em.createQuery("UPDATE Department d SET d.name.en = 'changed by A' WHERE "
                + "d.code = :code").setParameter("code", code).executeUpdate());

        assertEquals(1, updated, "the update reaches A's row only");
        assertEquals("B original", as(tenant(B), () -> department(code).name().en()));
        assertEquals("changed by A", as(tenant(A), () -> department(code).name().en()));
    }

    @Test
    void bulkDeleteRemovesOnlyTheTenantsOwnRows() throws Exception {
        String code = unique();
        as(tenant(A), () -> persistDepartment(code, "A doomed"));
        as(tenant(B), () -> persistDepartment(code, "B survives"));

        int deleted = as(tenant(A), () -> em.createQuery("DELETE FROM Department d WHERE d.code = :code")
                .setParameter("code", code).executeUpdate());

        assertEquals(1, deleted);
        assertEquals("B survives", as(tenant(B), () -> department(code).name().en()));
    }

    @Test
    void withoutATenantTenantDataCannotBeRead() throws Exception {
        currentTenant.set(null);
        transaction.begin();
        try {
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> em.createNamedQuery(Department.ALL, Department.class).getResultList());
            assertTrue(String.valueOf(refused.getMessage()).contains("EclipseLink-6174"), refused.toString());
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void aTransactionNeverSwitchesTenant() throws Exception {
        currentTenant.set(tenant(A));
        transaction.begin();
        try {
            em.createNamedQuery(Department.ALL, Department.class).getResultList();
            currentTenant.set(tenant(B));
            assertThrows(IllegalStateException.class,
                    () -> em.createNamedQuery(Department.ALL, Department.class).getResultList());
        } finally {
            transaction.rollback();
            currentTenant.set(null);
        }
    }

    @Test
    void anotherTenantsObjectIsNeverWrittenByPrimaryKey() throws Exception {
        String code = unique();
        Department ofB = as(tenant(B), () -> {
            persistDepartment(code, "B's own");
            em.clear();
            return department(code);
        });
        // A detached object of B handed to a transaction of A: whatever merge makes of it (refused by the guard,
        // or taken for a new object of A), B's row must not be updated by its id.
        try {
            as(tenant(A), () -> {
                ofB.rename(new LocalizedName("越权", "changed by A"));
                em.merge(ofB);
                em.flush();
                return null;
            });
        } catch (Exception refused) {
            // refused: the expected outcome
        }
        assertEquals("B's own", as(tenant(B), () -> department(code).name().en()));
    }

    // ---------------------------------------------------------------- the matrix's steps

    /** Every call of one recipe by every caller; a stranger on the victim's path is refused unless public. */
    private static void attack(Ledger ledger, Recipe recipe, Mode mode, Side side, Map<String, PortalClient> callers,
            Markers markers) {
        for (Call call : recipe.calls().apply(side)) {
            callers.forEach((caller, client) -> record(ledger, mode, recipe.operation(), caller, client, call,
                    expected(recipe.exposure(), mode, caller), markers));
        }
    }

    /** The statuses a caller must get; {@code null}: any answer below 500, as long as it shows nothing. */
    private static Set<Integer> expected(Exposure exposure, Mode mode, String caller) {
        if (mode == Mode.OWN_PATH) {
            return null;
        }
        return switch (exposure) {
            case TENANT, PLATFORM -> Ledger.REFUSED;
            case CAPABILITY -> Set.of(404);
            case SELF -> caller.equals("anonymous") ? Set.of(401) : Set.of(200);
            case PUBLIC, FILING -> null;
        };
    }

    /** What one call answered: status, body (a stream's first event only) and headers. */
    private record Answer(int statusCode, String body, String headers) {
    }

    /**
     * Sends {@code call}; a stream of the live desk stays open for an allowed caller, so only its first event (or a
     * refusal's whole body) is read and the stream closed.
     */
    private static Answer answer(PortalClient client, Call call) {
        if (!call.isStream()) {
            HttpResponse<String> answer = client.sendBytes(call.method(), call.path(), call.contentType(), call.body());
            return new Answer(answer.statusCode(), answer.body(), answer.headers().map().toString());
        }
        HttpResponse<java.util.stream.Stream<String>> answer = client.stream(call.path());
        StringBuilder body = new StringBuilder();
        try (java.util.stream.Stream<String> lines = answer.body()) {
            java.util.Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                body.append(line).append('\n');
                if (line.isEmpty() && answer.statusCode() == 200) {
                    break;
                }
            }
        }
        return new Answer(answer.statusCode(), body.toString(), answer.headers().map().toString());
    }

    /** Every address of one page for every caller: strangers get the door (403), anonymous callers the login. */
    private static void visit(Ledger ledger, Page page, Mode mode, Side side, Map<String, PortalClient> sessions,
            Markers markers) {
        for (String address : page.addresses().apply(side)) {
            sessions.forEach((caller, client) -> {
                Set<Integer> expected = null;
                if (mode == Mode.FOREIGN_PATH && Set.of(Area.RESIDENT, Area.STAFF, Area.ADMIN, Area.PLATFORM)
                        .contains(page.area())) {
                    expected = caller.equals("anonymous") ? Set.of(302) : Set.of(403);
                }
                record(ledger, mode, page.view(), caller, client, Call.get(address), expected, markers);
            });
        }
    }

    private static void record(Ledger ledger, Mode mode, String operation, String caller, PortalClient client,
            Call call, Set<Integer> expected, Markers markers) {
        Answer answer = answer(client, call);
        String shown = answer.body() + " " + answer.headers();
        // The victim's own admin (tried on the platform's operations) may of course see the victim's data.
        List<String> leaked = caller.startsWith(VICTIM + ".") ? List.of() : markers.leakedIn(shown, call.sent());
        ledger.record(mode, operation, caller, call, answer.statusCode(), expected, leaked);
    }

    /**
     * What a tenant's own people read through every GET of the API (the texts a leak would show). Each of those
     * calls must answer one of them: a recipe that the tenant's own people cannot use would prove nothing.
     */
    private Set<String> texts(Map<String, Recipe> recipes, TenantFixture tenant, Identifiers ids) {
        Set<String> texts = new HashSet<>();
        List<String> unanswered = new ArrayList<>();
        List<PortalClient> readers = List.of(tenant.person("supervisor"), tenant.person("admin"),
                tenant.person("resident"), PortalClient.anonymous(base));
        for (Recipe recipe : recipes.values()) {
            if (!recipe.operation().startsWith("GET " + Recipes.TENANT)) {
                continue;
            }
            for (Call call : recipe.calls().apply(Side.own(ids))) {
                List<Integer> statuses = new ArrayList<>();
                for (PortalClient reader : readers) {
                    Answer answer = answer(reader, call);
                    statuses.add(answer.statusCode());
                    if (answer.statusCode() == 200) {
                        Markers.collect(answer.body(), texts);
                        break;
                    }
                }
                if (!statuses.contains(200)) {
                    unanswered.add(call + " " + statuses);
                }
            }
        }
        assertEquals(List.of(), unanswered, "GET operations the tenant's own people could not use");
        return texts;
    }

    /** The victim's own people open every page of theirs (the addresses are right, the pages work). */
    private void ownPeopleOpenEveryPage(List<Page> pages, Identifiers ids) {
        Map<Area, PortalClient> own = new LinkedHashMap<>();
        own.put(Area.RESIDENT, PortalClient.loggedIn(base, VICTIM, TenantFixture.username(VICTIM, "resident"),
                TenantFixture.PASSWORD));
        own.put(Area.STAFF, PortalClient.loggedIn(base, VICTIM, TenantFixture.username(VICTIM, "supervisor"),
                TenantFixture.PASSWORD));
        own.put(Area.ADMIN, PortalClient.loggedIn(base, VICTIM, TenantFixture.username(VICTIM, "admin"),
                TenantFixture.PASSWORD));
        own.put(Area.PLATFORM, PortalClient.loggedIn(base, null, "platform.it",
                System.getProperty("kefu.it.admin.password")));
        PortalClient anybody = PortalClient.anonymous(base);
        List<String> failed = new ArrayList<>();
        for (Page page : pages) {
            for (String address : page.addresses().apply(Side.own(ids))) {
                HttpResponse<String> answer = own.getOrDefault(page.area(), anybody).get(address);
                if (answer.statusCode() != 200) {
                    failed.add(page.view() + " " + address + " → " + answer.statusCode());
                }
            }
        }
        assertEquals(List.of(), failed, "pages the tenant's own people could not open");
    }

    /** What the victim shows everybody: its name and intake form. */
    private Set<String> published(Map<String, Recipe> recipes, Identifiers ids) {
        Set<String> texts = new HashSet<>();
        PortalClient anybody = PortalClient.anonymous(base);
        recipes.values().stream().filter(r -> r.exposure() == Exposure.PUBLIC).forEach(r -> r.calls().apply(
                Side.own(ids)).forEach(call -> Markers.collect(anybody.get(call.path()).body(), texts)));
        return texts;
    }

    private static String onPath(String slug, String page) {
        return "/t/" + slug + "/" + page;
    }

    private static Set<String> union(List<String> one, List<String> other) {
        Set<String> all = new HashSet<>(one);
        all.addAll(other);
        return all;
    }

    // ---------------------------------------------------------------- in-container helpers

    private <T> T as(TenantRef tenant, Callable<T> work) throws Exception {
        currentTenant.set(tenant);
        transaction.begin();
        try {
            T result = work.call();
            transaction.commit();
            return result;
        } catch (Exception | AssertionError e) {
            transaction.rollback();
            throw e;
        } finally {
            currentTenant.set(null);
        }
    }

    /** The statement fails in the database with {@code reason}: EclipseLink's discriminator plays no part here. */
    private void assertRefusedByTheDatabase(TenantRef tenant, String reason, String sql) throws Exception {
        currentTenant.set(tenant);
        transaction.begin();
        try {
            PersistenceException refused = assertThrows(PersistenceException.class,
                    () -> em.createNativeQuery(sql).setHint(NATIVE, true).executeUpdate(), sql);
            assertTrue(causes(refused).contains(reason), causes(refused));
        } finally {
            transaction.rollback();
            currentTenant.set(null);
        }
    }

    /** A tenant row made by plain SQL (the tenant table is global), read back as the portal reads tenants. */
    private TenantRef nativeTenant(String slug) throws Exception {
        as(null, () -> em.createNativeQuery("INSERT INTO tenant (slug, name_zh, name_en, kind, status, time_zone,"
                + " default_locale, created_at, version) VALUES (?1, '行级安全', 'Row security', 'PROPERTY', 'ACTIVE',"
                + " 'Asia/Shanghai', 'zh-CN', now(), 0)").setHint(NATIVE, true).setParameter(1, slug).executeUpdate());
        return tenant(slug);
    }

    private int nativeDepartments(TenantRef tenant, int count) {
        for (int i = 1; i <= count; i++) {
            em.createNativeQuery("INSERT INTO department (tenant_id, code, name_zh, name_en, active, version)"
                    + " VALUES (?1, ?2, '部门', ?3, TRUE, 0)").setHint(NATIVE, true).setParameter(1, tenant.id())
                    .setParameter(2, "dept-" + i).setParameter(3, "Department " + i + " of " + tenant.slug().value())
                    .executeUpdate();
        }
        return count;
    }

    private List<?> nativeRows(String sql) {
        return em.createNativeQuery(sql).setHint(NATIVE, true).getResultList();
    }

    private List<String> tenantTables() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n"
                        + " ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid WHERE c.relkind = 'r'"
                        + " AND n.nspname = current_schema() AND a.attname = 'tenant_id' ORDER BY c.relname")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static String causes(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = thrown; t != null && text.length() < 4000; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t.getMessage()).append(" | ");
        }
        return text.toString();
    }

    private TenantRef tenant(String slug) {
        return tenants.getBySlug(new TenantSlug(slug));
    }

    private Long persistDepartment(String code, String nameEn) {
        Department department = new Department(new Code(code), new LocalizedName("隔离测试", nameEn));
        em.persist(department);
        em.flush();
        return department.id();
    }

    private Department department(String code) {
        return em.createNamedQuery(Department.BY_CODE, Department.class).setParameter("code", code).getSingleResult();
    }

    private Long categoryId(String code) {
        return em.createQuery("SELECT c.id FROM Category c WHERE c.code = :code", Long.class)
                .setParameter("code", code).getSingleResult();
    }

    private static String unique() {
        return "iso-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
