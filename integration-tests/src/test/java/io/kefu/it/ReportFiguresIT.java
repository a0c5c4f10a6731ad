package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.report.entity.Tally;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The report figures (docs/REPORTS.md) on PostgreSQL against a data set of known answers: cases of several
 * departments in January and February 2025 in Asia/Shanghai — closed at 23:30 on 31 January and at midnight, registered
 * half an hour into February, reopened, not upheld, withdrawn, waiting on the resident, open past their deadlines —
 * with their callbacks and survey answers, written straight into the tables as the workflow leaves them. Every figure
 * the API returns equals what this test counts itself from the rows it wrote. The customer base entered through the
 * API and the admin page changes the valid-complaint rate; bad input saves nothing; the workflow sets and clears the
 * closing moment; another tenant's people neither read nor set any of it.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportFiguresIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String SLUG = "huijing-property";
    static final String HUIJING = "/api/v1/tenants/" + SLUG;
    static final String RIVERSIDE = "/api/v1/tenants/riverside-mall";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<String> FINISHED = List.of("CLOSED", "NOT_UPHELD", "WITHDRAWN");

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal(ReportDaysProbe.class, ReportDaysProbe.Writes.class, PortalClient.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    ReportDaysProbe probe;

    /** One case as the seed writes it; times in Shanghai, {@code null} where the workflow leaves none. */
    record Seed(String number, String kind, String category, String department, String severity, String channel,
            String status, String registered, String firstDue, String firstResponded, String resolutionDue,
            String resolved, String closed) {

        Instant at(Function<Seed, String> field) {
            String value = field.apply(this);
            return value == null ? null : OffsetDateTime.parse(value + "+08:00").toInstant();
        }

        boolean complaint() {
            return kind.equals("COMPLAINT");
        }
    }

    /** A case callback: its case, when it was opened (the resolution), status, outcome and the attempt's score. */
    record SeedCallback(String number, String created, String status, String outcome, Integer score) {
    }

    /** A resident's (or a callback's) survey response: channel, when, ratings and NPS answers. */
    record SeedResponse(String channel, String submitted, List<Integer> ratings, List<Integer> nps) {
    }

    static final List<Seed> CASES = List.of(
            new Seed("202501-9001", "COMPLAINT", "noise", "property", "ORDINARY", "PHONE", "CLOSED",
                    "2025-01-05T10:00", "2025-01-05T17:00", "2025-01-05T11:00", "2025-01-20T18:00",
                    "2025-01-10T15:00", "2025-01-12T10:00"),
            // Closed at 23:30 on the last day of January in Shanghai (15:30 UTC): January's. Both deadlines missed.
            new Seed("202501-9002", "COMPLAINT", "noise", "security", "SERIOUS", "ONLINE", "CLOSED",
                    "2025-01-28T09:00", "2025-01-28T12:00", "2025-01-28T14:00", "2025-01-31T18:00",
                    "2025-01-31T20:00", "2025-01-31T23:30"),
            // Closed at midnight, the first moment of February in Shanghai (still 31 January in UTC): February's.
            new Seed("202501-9003", "COMPLAINT", "billing", "finance", "ORDINARY", "VISIT", "CLOSED",
                    "2025-01-29T10:00", "2025-01-29T17:00", "2025-01-29T10:30", "2025-02-05T18:00",
                    "2025-02-01T00:00", "2025-02-01T00:00"),
            new Seed("202501-9004", "COMPLAINT", "cleaning", "cleaning", "ORDINARY", "PHONE", "NOT_UPHELD",
                    "2025-01-15T09:00", "2025-01-15T17:00", "2025-01-15T09:30", "2025-01-30T18:00", null,
                    "2025-01-25T11:00"),
            new Seed("202501-9005", "COMPLAINT", "noise", "property", "MAJOR", "LETTER", "WITHDRAWN",
                    "2025-01-16T09:00", "2025-01-16T12:00", null, "2025-01-31T18:00", null, "2025-01-17T08:00"),
            // Closed once, reopened after a "not satisfied" callback: open again, no closing moment, past its due.
            new Seed("202501-9006", "COMPLAINT", "repairs", "engineering", "ORDINARY", "ONLINE", "IN_PROGRESS",
                    "2025-01-08T09:00", "2025-01-08T17:00", "2025-01-08T09:10", "2025-01-25T18:00", null, null),
            new Seed("202501-9007", "REPAIR", "repairs", "engineering", "ORDINARY", "PHONE", "CLOSED",
                    "2025-01-20T08:00", "2025-01-20T12:00", "2025-01-20T08:30", "2025-01-28T18:00",
                    "2025-01-21T16:00", "2025-02-02T09:00"),
            new Seed("202501-9008", "CONSULTATION", null, null, "ORDINARY", "ONLINE", "REGISTERED",
                    "2025-01-31T23:50", "2025-02-03T12:00", null, "2025-02-20T18:00", null, null),
            // Registered half an hour into February in Shanghai (16:30 UTC on 31 January): February's. Waiting on
            // the resident: its resolution deadline stands still and is not measured.
            new Seed("202502-9009", "COMPLAINT", "noise", "security", "ORDINARY", "PHONE", "WAITING_ON_RESIDENT",
                    "2025-02-01T00:30", "2025-02-03T12:00", "2025-02-01T09:00", "2025-02-15T18:00", null, null),
            new Seed("202502-9010", "COMPLAINT", "billing", "finance", "SERIOUS", "PHONE", "CALLBACK_PENDING",
                    "2025-02-10T09:00", "2025-02-10T12:00", "2025-02-10T09:05", "2025-02-14T18:00",
                    "2025-02-12T10:00", null),
            new Seed("202412-9011", "PRAISE", null, null, "ORDINARY", "ONLINE", "CLOSED",
                    "2024-12-28T10:00", "2024-12-30T17:00", "2024-12-28T11:00", "2025-01-10T18:00",
                    "2024-12-29T10:00", "2025-01-03T10:00"),
            new Seed("202412-9012", "COMPLAINT", "noise", "property", "ORDINARY", "PHONE", "ACCEPTED",
                    "2024-12-20T10:00", "2024-12-20T17:00", "2024-12-20T10:05", "2025-01-05T18:00", null, null),
            new Seed("202502-9013", "COMPLAINT", "noise", "security", "ORDINARY", "PHONE", "NOT_UPHELD",
                    "2025-02-03T10:00", "2025-02-03T17:00", "2025-02-03T18:00", "2025-02-10T18:00", null,
                    "2025-02-20T10:00"));

    static final List<SeedCallback> CALLBACKS = List.of(
            new SeedCallback("202501-9001", "2025-01-10T15:00", "DONE", "SATISFIED", 5),
            new SeedCallback("202501-9002", "2025-01-31T20:00", "DONE", "PARTLY_SATISFIED", 3),
            new SeedCallback("202501-9003", "2025-02-01T00:00", "DONE", "CONFIRMED_ONLINE", null),
            new SeedCallback("202501-9006", "2025-01-11T10:00", "CANCELLED", null, null),
            new SeedCallback("202501-9006", "2025-01-12T10:00", "DONE", "NOT_SATISFIED", 1),
            new SeedCallback("202501-9007", "2025-01-21T16:00", "DONE", "UNREACHABLE", null),
            new SeedCallback("202502-9010", "2025-02-12T10:00", "OPEN", null, null));

    static final List<SeedResponse> RESPONSES = List.of(
            new SeedResponse("POST_CASE", "2025-01-15T10:00", List.of(5, 4), List.of(10)),
            new SeedResponse("CAMPAIGN", "2025-01-31T23:30", List.of(2), List.of(6)),
            // A callback questionnaire: the callbacks' satisfaction, never the surveys'.
            new SeedResponse("CALLBACK", "2025-01-20T10:00", List.of(1), List.of(0)),
            new SeedResponse("POST_CASE", "2025-02-01T00:05", List.of(3), List.of(8)));

    private static boolean seeded;

    private PortalClient client(String username) {
        PortalClient.awaitReady(base);
        return PortalClient.basic(base, username, PASSWORD);
    }

    // --- the known answers -------------------------------------------------------------------------------------

    @Test
    @RunAsClient
    void everyFigureOfTheSeededPeriodsEqualsWhatTheTestCountsFromItsRows() throws SQLException {
        seedOnce();
        PortalClient boss = client("huijing.supervisor");
        for (LocalDate[] period : List.of(new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)},
                new LocalDate[] {LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28)},
                new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31)})) {
            JsonObject got = figures(boss, period[0], period[1]);
            Expected expected = new Expected(period[0], period[1]);
            expected.check(got);
        }

        // A few answers by hand, so that the test does not only agree with itself.
        JsonObject january = figures(boss, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31));
        JsonObject february = figures(boss, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28));
        assertEquals(3, january.getJsonObject("closedBy").getInt("CLOSED"), "9001, 9002 at 23:30, 9011");
        assertEquals(2, february.getJsonObject("closedBy").getInt("CLOSED"), "9003 at midnight, 9007");
        assertEquals(8, january.getInt("registered"), "9001–9008; 9009 came half an hour into February");
        assertEquals(3, february.getInt("registered"));
        assertEquals(5, january.getInt("carriedOverOpen"),
                "9003 (closed at midnight), 9006 (reopened), 9007, 9008, 9012");
        assertEquals(4, january.getJsonObject("validity").getInt("validComplaints"),
                "9001, 9002, 9003, 9006; not 9004 (not upheld) nor 9005 (withdrawn) nor 9012 (December's)");
        assertEquals(3, january.getJsonObject("validity").getInt("complaintsDecided"), "9001, 9002, 9004");
        assertEquals(2, january.getJsonObject("validity").getInt("complaintsUpheld"), "9001, 9002");
        assertEquals(0.5, number(february.getJsonObject("validity"), "upheldShare"), 1e-9,
                "February: 9003 closed, 9013 not upheld");
        assertEquals(7, january.getJsonObject("resolution").getInt("measured"),
                "9001, 9002, 9004, 9006, 9007, 9011, 9012; not 9005 (withdrawn)");
        assertEquals(4, january.getJsonObject("resolution").getInt("met"),
                "9001, 9004 (not upheld in time), 9007, 9011; 9002 late, 9006 and 9012 open past due");
        assertEquals(6, january.getJsonObject("firstResponse").getInt("measured"));
        assertEquals(5, january.getJsonObject("firstResponse").getInt("met"), "9002 responded two hours late");
        assertEquals(4, february.getJsonObject("resolution").getInt("measured"),
                "9003, 9008 (open past due), 9010, 9013; not 9009, waiting on the resident");
        assertEquals(2, february.getJsonObject("resolution").getInt("met"), "9003 and 9010; 9013 decided late");
        assertEquals(2.0 / 3, number(january.getJsonObject("surveys"), "satisfaction"), 1e-9,
                "5, 4 and 2: the callback questionnaire's 1 is not a survey answer");
        assertEquals(0.0, number(january.getJsonObject("surveys"), "nps"), 1e-9,
                "10 and 6: one promoter, one detractor");
        assertEquals(4, january.getJsonObject("callbacks").getInt("resolved"),
                "9001, 9002, 9006, 9007; 9003 is February's");
        assertEquals(1.0 / 3, number(january.getJsonObject("callbacks"), "satisfaction"), 1e-9,
                "9001 satisfied; 9002 partly, 9006 not satisfied; 9007 unreachable is left out");

        // The callback page's figures are the same figures.
        JsonObject callbacks = PortalClient.json(client("huijing.staff").get(HUIJING
                + "/callbacks/figures?from=2025-01-01&to=2025-01-31"));
        assertEquals(january.getJsonObject("callbacks").getInt("resolved"), callbacks.getInt("resolved"));
        assertEquals(number(january.getJsonObject("callbacks"), "satisfaction"), number(callbacks, "satisfactionRate"),
                1e-12);
        assertEquals(number(january.getJsonObject("surveys"), "satisfaction"),
                number(callbacks, "surveySatisfactionRate"), 1e-12);
        assertEquals(number(january.getJsonObject("validity"), "validComplaintRate"),
                number(callbacks, "validComplaintRate"), 1e-12);
    }

    /**
     * The stored days (docs/REPORTS.md, "How the figures are kept") add up to what the cases count, and a change to a
     * case makes its days stale at once: the figures never wait for the job. Runs in the server, after the seeded
     * tests (their rows are its data).
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void storedDaysAddUpToWhatTheCasesCountAndAnEditMakesItsDaysStaleAtOnce() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 2, 28);
        LocalDate january = LocalDate.of(2025, 1, 31);
        Tally counted = probe.counted(SLUG, from, to);
        assertTrue(counted.registered() > 5, "the seeded cases are there: " + counted.totalsJson());

        probe.dropStale(SLUG); // the seed's own marks, as the job's first step removes them
        probe.store(SLUG, from, to);
        assertEquals(59, probe.valid(SLUG, from, to), "every day of January and February stored");
        assertEquals(counted, probe.addedUp(SLUG, from, to), "59 stored days add up to what the cases count");
        assertEquals(probe.counted(SLUG, from, january), probe.addedUp(SLUG, from, january), "January alone");
        assertEquals(probe.counted(SLUG, january, january.plusDays(1)),
                probe.addedUp(SLUG, january, january.plusDays(1)), "the month's end at midnight, Shanghai time");

        // 9002 (registered 28 January, closed 31 January 23:30) moves from noise to billing: those days are stale.
        probe.recategorise(SLUG, "202501-9002", "billing");
        try {
            assertEquals(57, probe.valid(SLUG, from, to), "28 and 31 January are marked, no other day");
            Tally moved = probe.counted(SLUG, from, to);
            assertNotEquals(counted, moved, "the category breakdown changed");
            assertEquals(moved, probe.addedUp(SLUG, from, to), "the figures count the marked days again");
            probe.dropStale(SLUG);
            assertEquals(57, probe.valid(SLUG, from, to), "the job removes the marks with the days they named");
            assertEquals(2, probe.store(SLUG, from, to), "and stores them again, counted anew");
            assertEquals(moved, probe.addedUp(SLUG, from, to));
        } finally {
            probe.recategorise(SLUG, "202501-9002", "noise");
        }
        assertEquals(counted, probe.addedUp(SLUG, from, to), "back as it was");
        assertEquals(new Tally(), probe.addedUp("riverside-mall", from, to), "another tenant's days are its own");

        // A case registered through JPA with yesterday's moments (an import, the demo history): the trigger's mark
        // must not be what EclipseLink reads back as the new case's id (it asks PostgreSQL for lastval()).
        assertTrue(probe.registeredYesterdayKeepsItsId(SLUG), "the case keeps its own id");
    }

    /** The figures as this test counts them from the rows it wrote, following docs/REPORTS.md line by line. */
    final class Expected {
        final Instant start;
        final Instant end;
        final Instant now = Instant.now();

        Expected(LocalDate from, LocalDate to) {
            start = from.atStartOfDay(SHANGHAI).toInstant();
            end = to.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        }

        boolean in(Instant at) {
            return at != null && !at.isBefore(start) && at.isBefore(end);
        }

        boolean registered(Seed c) {
            return in(c.at(Seed::registered));
        }

        boolean closed(Seed c) {
            return in(c.at(Seed::closed));
        }

        boolean valid(Seed c) {
            return registered(c) && c.complaint() && !c.status().equals("NOT_UPHELD")
                    && !c.status().equals("WITHDRAWN");
        }

        long count(Predicate<Seed> which) {
            return CASES.stream().filter(which).count();
        }

        void check(JsonObject got) {
            String label = got.getString("from") + ".." + got.getString("to") + ": ";
            assertEquals(count(this::registered), got.getInt("registered"), label + "registered");
            for (String status : FINISHED) {
                assertEquals(count(c -> closed(c) && c.status().equals(status)),
                        got.getJsonObject("closedBy").getInt(status), label + "closed " + status);
            }
            assertEquals(count(this::closed), got.getInt("closed"), label + "closed");
            assertEquals(count(c -> c.at(Seed::registered).isBefore(end)
                    && (c.at(Seed::closed) == null || !c.at(Seed::closed).isBefore(end))),
                    got.getInt("carriedOverOpen"), label + "carried over open");

            Predicate<Seed> firstMet = c -> c.at(Seed::firstResponded) != null
                    && !c.at(Seed::firstResponded).isAfter(c.at(Seed::firstDue));
            Predicate<Seed> firstMeasured = c -> in(c.at(Seed::firstDue)) && !c.status().equals("WITHDRAWN")
                    && (firstMet.test(c) || c.at(Seed::firstDue).isBefore(now));
            deadline(got.getJsonObject("firstResponse"), count(firstMeasured),
                    count(c -> firstMeasured.test(c) && firstMet.test(c)), label + "first response");
            Predicate<Seed> resolutionMet = c -> (c.at(Seed::resolved) != null
                    && !c.at(Seed::resolved).isAfter(c.at(Seed::resolutionDue)))
                    || (c.status().equals("NOT_UPHELD") && !c.at(Seed::closed).isAfter(c.at(Seed::resolutionDue)));
            Predicate<Seed> resolutionMeasured = c -> in(c.at(Seed::resolutionDue)) && !c.status().equals("WITHDRAWN")
                    && (resolutionMet.test(c) || (c.at(Seed::resolutionDue).isBefore(now)
                            && !c.status().equals("WAITING_ON_RESIDENT")));
            deadline(got.getJsonObject("resolution"), count(resolutionMeasured),
                    count(c -> resolutionMeasured.test(c) && resolutionMet.test(c)), label + "resolution");

            List<SeedCallback> ofPeriod = CALLBACKS.stream().filter(t -> in(at(t.created()))).toList();
            JsonObject callbacks = got.getJsonObject("callbacks");
            // Each resolution's callback counts (a case resolved twice in the period, reopened after its callback,
            // twice).
            long resolved = ofPeriod.stream().filter(t -> !t.status().equals("CANCELLED")).count();
            long calledBack = ofPeriod.stream().filter(t -> t.status().equals("DONE")).count();
            assertEquals(resolved, callbacks.getInt("resolved"), label + "resolved");
            assertEquals(calledBack, callbacks.getInt("calledBack"), label + "called back");
            assertRate(calledBack, resolved, callbacks, "rate", label + "callback rate");
            Map<String, Long> outcomes = new HashMap<>();
            ofPeriod.stream().filter(t -> t.outcome() != null).forEach(t -> outcomes.merge(t.outcome(), 1L, Long::sum));
            for (String outcome : List.of("SATISFIED", "PARTLY_SATISFIED", "NOT_SATISFIED", "UNREACHABLE",
                    "CONFIRMED_ONLINE")) {
                assertEquals(outcomes.getOrDefault(outcome, 0L).intValue(),
                        callbacks.getJsonObject("outcomes").getInt(outcome), label + outcome);
            }
            long satisfied = outcomes.getOrDefault("SATISFIED", 0L) + outcomes.getOrDefault("CONFIRMED_ONLINE", 0L);
            long reached = satisfied + outcomes.getOrDefault("PARTLY_SATISFIED", 0L)
                    + outcomes.getOrDefault("NOT_SATISFIED", 0L);
            assertRate(satisfied, reached, callbacks, "satisfaction", label + "callback satisfaction");
            List<Integer> scores = ofPeriod.stream().map(SeedCallback::score).filter(Objects::nonNull).toList();
            assertMean(scores, callbacks, "averageScore", label + "callback score");

            List<SeedResponse> residents = RESPONSES.stream().filter(r -> in(at(r.submitted()))
                    && !r.channel().equals("CALLBACK")).toList();
            JsonObject surveys = got.getJsonObject("surveys");
            List<Integer> ratings = residents.stream().flatMap(r -> r.ratings().stream()).toList();
            List<Integer> nps = residents.stream().flatMap(r -> r.nps().stream()).toList();
            assertEquals(residents.size(), surveys.getInt("responses"), label + "responses");
            assertEquals(ratings.size(), surveys.getInt("ratings"), label + "ratings");
            assertRate(ratings.stream().filter(s -> s >= 4).count(), ratings.size(), surveys, "satisfaction",
                    label + "survey satisfaction");
            assertMean(ratings, surveys, "averageRating", label + "average rating");
            long promoters = nps.stream().filter(s -> s >= 9).count();
            long detractors = nps.stream().filter(s -> s <= 6).count();
            if (nps.isEmpty()) {
                assertTrue(surveys.isNull("nps"), label + "no NPS without answers");
            } else {
                assertEquals(100.0 * (promoters - detractors) / nps.size(), number(surveys, "nps"), 1e-9,
                        label + "NPS");
            }

            JsonObject validity = got.getJsonObject("validity");
            long valid = count(this::valid);
            assertEquals(valid, validity.getInt("validComplaints"), label + "valid complaints");
            long decided = count(c -> closed(c) && c.complaint()
                    && List.of("CLOSED", "NOT_UPHELD").contains(c.status()));
            long upheld = count(c -> closed(c) && c.complaint() && c.status().equals("CLOSED"));
            assertEquals(decided, validity.getInt("complaintsDecided"), label + "decided");
            assertEquals(upheld, validity.getInt("complaintsUpheld"), label + "upheld");
            assertRate(upheld, decided, validity, "upheldShare", label + "share upheld");
            int customers = validity.getInt("customerBase");
            assertRate(valid, customers, validity, "validComplaintRate", label + "valid-complaint rate");
            assertEquals(number(validity, "validComplaintRate") <= number(validity, "target"),
                    validity.getBoolean("onTarget"), label + "on target");

            Map<String, Function<Seed, String>> dimensions = new LinkedHashMap<>();
            dimensions.put("CATEGORY", Seed::category);
            dimensions.put("DEPARTMENT", Seed::department);
            dimensions.put("SEVERITY", Seed::severity);
            dimensions.put("CHANNEL", Seed::channel);
            dimensions.put("KIND", Seed::kind);
            dimensions.forEach((dimension, key) -> assertEquals(Breakdowns.counted(CASES, key, this::registered,
                    this::closed, this::valid), Breakdowns.answered(got, dimension),
                    label + "breakdown by " + dimension));
        }

        private void deadline(JsonObject got, long measured, long met, String label) {
            assertEquals(measured, got.getInt("measured"), label + " measured");
            assertEquals(met, got.getInt("met"), label + " met");
            assertRate(met, measured, got, "rate", label + " rate");
        }
    }

    private static Instant at(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    private static void assertRate(long part, long whole, JsonObject got, String field, String label) {
        if (whole == 0) {
            assertTrue(got.isNull(field), label + ": nothing to divide by is null, not 0");
        } else {
            assertEquals((double) part / whole, number(got, field), 1e-12, label);
        }
    }

    private static void assertMean(List<Integer> values, JsonObject got, String field, String label) {
        if (values.isEmpty()) {
            assertTrue(got.isNull(field), label);
        } else {
            assertEquals(values.stream().mapToInt(Integer::intValue).average().orElseThrow(), number(got, field), 1e-9,
                    label);
        }
    }

    private static double number(JsonObject object, String field) {
        JsonNumber value = object.getJsonNumber(field);
        assertNotNull(value, field + " in " + object);
        return value.doubleValue();
    }

    private JsonObject figures(PortalClient client, LocalDate from, LocalDate to) {
        HttpResponse<String> got = client.get(HUIJING + "/reports/figures?from=" + from + "&to=" + to);
        assertEquals(200, got.statusCode(), got.body());
        return PortalClient.json(got);
    }

    // --- the customer base -------------------------------------------------------------------------------------

    @Test
    @RunAsClient
    void theCustomerBaseEnteredThroughTheApiAndThePageChangesTheRateAndBadInputSavesNothing() throws SQLException {
        seedOnce();
        PortalClient admin = client("huijing.admin");
        PortalClient boss = client("huijing.supervisor");
        LocalDate febFirst = LocalDate.of(2025, 2, 1);
        LocalDate febLast = LocalDate.of(2025, 2, 28);
        JsonObject before = figures(boss, febFirst, febLast).getJsonObject("validity");
        assertEquals("ENTERED", before.getString("customerBaseSource"), "the demo office's households");
        int households = before.getInt("customerBase");
        long valid = before.getInt("validComplaints");
        assertTrue(number(before, "validComplaintRate") < 0.01, "a small rate against the 1 % target: " + before);
        assertTrue(before.getBoolean("onTarget"));

        HttpResponse<String> set = admin.putJson(HUIJING + "/settings/customer-base/2025-02", "{\"customers\":50}");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals("2025-02", PortalClient.json(set).getString("month"));
        JsonObject after = figures(boss, febFirst, febLast).getJsonObject("validity");
        assertEquals(50, after.getInt("customerBase"));
        assertEquals("2025-02", after.getString("customerBaseFrom"));
        assertEquals(valid / 50.0, number(after, "validComplaintRate"), 1e-12);
        assertFalse(after.getBoolean("onTarget"), valid + " valid complaints among 50 customers is above 1 %");
        assertEquals(households, figures(boss, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31))
                .getJsonObject("validity").getInt("customerBase"), "January keeps the earlier entry");
        assertEquals(50, figures(boss, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31))
                .getJsonObject("validity").getInt("customerBase"), "an entry counts until a later one");

        // Both fields wrong: one 422 naming both, translated, and nothing saved.
        String listed = admin.get(HUIJING + "/settings/customer-base").body();
        for (String language : List.of("zh-CN", "en")) {
            HttpResponse<String> bad = admin.language(language).putJson(HUIJING + "/settings/customer-base/2025-13",
                    "{\"customers\":0}");
            assertEquals(422, bad.statusCode(), bad.body());
            assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            String errors = PortalClient.json(bad).getJsonArray("errors").toString();
            assertTrue(errors.contains("\"month\"") && errors.contains("\"customers\""), errors);
            assertTrue(language.equals("en") ? errors.contains("2026-01") && errors.contains("from 1 to")
                    : errors.contains("月份") && errors.contains("整数"), errors);
        }
        assertEquals(422, admin.putJson(HUIJING + "/settings/customer-base/2025-03", "{}").statusCode());
        assertEquals(422, admin.putJson(HUIJING + "/settings/customer-base/2025-03", "{\"customers\":10000001}")
                .statusCode());
        assertEquals(listed, admin.get(HUIJING + "/settings/customer-base").body(), "nothing saved");

        assertEquals(204, admin.send(HUIJING + "/settings/customer-base/2025-02", "DELETE").statusCode());
        assertEquals(404, admin.send(HUIJING + "/settings/customer-base/2025-02", "DELETE").statusCode());
        assertEquals(households, figures(boss, febFirst, febLast).getJsonObject("validity").getInt("customerBase"));

        // Staff read the customer base but neither change it nor read the report figures.
        PortalClient desk = client("huijing.staff");
        assertEquals(200, desk.get(HUIJING + "/settings/customer-base").statusCode());
        assertEquals(403, desk.putJson(HUIJING + "/settings/customer-base/2025-02", "{\"customers\":5}").statusCode());
        assertEquals(403, desk.get(HUIJING + "/reports/figures").statusCode());

        // Through the admin page: a wrong number is refused at its field, the right one is saved.
        listed = admin.get(HUIJING + "/settings/customer-base").body();
        PortalClient page = PortalClient.loggedIn(base, SLUG, "huijing.admin", PASSWORD);
        HttpResponse<String> refused = postBase(page, "2025-03", "-3");
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("base:customers") && refused.body().contains("ui-message-error"),
                "the message at the field");
        assertEquals(listed, admin.get(HUIJING + "/settings/customer-base").body(), "nothing saved from the page");
        HttpResponse<String> saved = postBase(page, "2025-03", "70");
        assertEquals(200, saved.statusCode());
        JsonObject march = figures(boss, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)).getJsonObject("validity");
        assertEquals(70, march.getInt("customerBase"), "entered on the page");
        assertTrue(page.get("/t/" + SLUG + "/admin/callbacks").body().contains("2025-03"), "listed on the page");

        assertEquals(204, admin.send(HUIJING + "/settings/customer-base/2025-03", "DELETE").statusCode());

        // The staff page shows this month's rate against the customers (the demo office's households), the same
        // figure the API gives; how many complaints the other tests filed this month does not matter.
        String queue = PortalClient.loggedIn(base, SLUG, "huijing.supervisor", PASSWORD)
                .get("/t/" + SLUG + "/staff/callbacks").body();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonObject thisMonth = figures(boss, today.withDayOfMonth(1), today).getJsonObject("validity");
        assertEquals(households, thisMonth.getInt("customerBase"), "the households, not the cases registered");
        Matcher rate = Pattern.compile("id=\"valid-rate\">([^<]*)<").matcher(queue);
        assertTrue(rate.find(), "the valid-complaint rate is shown");
        assertEquals(String.format(Locale.ROOT, "%.2f%%", 100 * thisMonth.getJsonNumber("validComplaintRate")
                .doubleValue()), rate.group(1), "this month's rate on the page, as the API counts it");
    }

    private static HttpResponse<String> postBase(PortalClient page, String month, String customers) {
        String html = page.get("/t/" + SLUG + "/admin/callbacks").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("base", "base");
        form.put("base:month", month);
        form.put("base:customers_input", customers);
        form.put("base:customers_hinput", customers);
        form.put("base:saveBase", "");
        form.put("jakarta.faces.ViewState", PortalClient.viewState(html));
        return page.postForm("/t/" + SLUG + "/admin/callbacks", form);
    }

    // --- the closing moment ------------------------------------------------------------------------------------

    @Test
    @RunAsClient
    void theWorkflowSetsTheClosingMomentAndAReopeningClearsIt() throws SQLException {
        PortalClient desk = client("huijing.staff");
        HttpResponse<String> filed = desk.postJson(HUIJING + "/complaints", "{\"kind\":\"COMPLAINT\","
                + "\"description\":\"关闭时间测试\",\"contactPhone\":\"13900139000\",\"channel\":\"PHONE\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        String number = PortalClient.json(filed).getString("number");
        JsonObject c = act(desk, number, "accept", "{\"version\":" + version(desk, number) + "}");
        c = act(desk, number, "resolve", "{\"version\":" + c.getInt("version") + ",\"resolution\":\"已处理\"}");
        assertNull(closedAt(number), "resolved is not closed");
        String callback = c.getString("callbackId");
        int callbackVersion = PortalClient.json(desk.get(HUIJING + "/callbacks/" + callback)).getInt("version");
        Instant before = Instant.now().minusSeconds(5);
        HttpResponse<String> attempt = desk.postJson(HUIJING + "/callbacks/" + callback + "/attempts", "{\"version\":"
                + callbackVersion + ",\"method\":\"PHONE\",\"reached\":true,\"satisfaction\":\"SATISFIED\","
                + "\"score\":5}");
        assertEquals(201, attempt.statusCode(), attempt.body());
        Instant closed = closedAt(number);
        assertNotNull(closed, "the callback's outcome closed it");
        assertTrue(!closed.isBefore(before) && !closed.isAfter(Instant.now().plusSeconds(5)), closed.toString());

        PortalClient boss = client("huijing.supervisor");
        act(boss, number, "reopen", "{\"version\":" + version(boss, number) + ",\"reason\":\"业主来电问题仍在\"}");
        assertNull(closedAt(number), "a reopened case is open: no closing moment");
    }

    private static JsonObject act(PortalClient client, String number, String action, String body) {
        HttpResponse<String> done = client.postJson(HUIJING + "/complaints/" + number + "/actions/" + action, body);
        assertEquals(200, done.statusCode(), action + ": " + done.body());
        return PortalClient.json(done);
    }

    private static int version(PortalClient client, String number) {
        return PortalClient.json(client.get(HUIJING + "/complaints/" + number)).getInt("version");
    }

    private static Instant closedAt(String number) throws SQLException {
        try (Connection db = PostgresServer.kefuDatabase(); PreparedStatement sql = db.prepareStatement(
                "SELECT c.closed_at FROM complaint c JOIN tenant t ON t.id = c.tenant_id "
                        + "WHERE t.slug = ? AND c.case_number = ?")) {
            sql.setString(1, SLUG);
            sql.setString(2, number);
            try (ResultSet row = sql.executeQuery()) {
                assertTrue(row.next(), number);
                OffsetDateTime at = row.getObject(1, OffsetDateTime.class);
                return at == null ? null : at.toInstant();
            }
        }
    }

    // --- another tenant ----------------------------------------------------------------------------------------

    @Test
    @RunAsClient
    void anotherTenantNeitherReadsNorSetsTheCustomerBaseOrTheFigures() {
        PortalClient admin = client("huijing.admin");
        assertEquals(200, admin.putJson(HUIJING + "/settings/customer-base/2024-06", "{\"customers\":321}")
                .statusCode());
        String listed = admin.get(HUIJING + "/settings/customer-base").body();
        for (String stranger : List.of("riverside.admin", "riverside.supervisor", "riverside.staff")) {
            PortalClient intruder = client(stranger);
            assertEquals(403, intruder.get(HUIJING + "/settings/customer-base").statusCode(), stranger);
            assertEquals(403, intruder.get(HUIJING + "/reports/figures?from=2025-01-01&to=2025-01-31").statusCode(),
                    stranger);
            assertEquals(403, intruder.get(HUIJING + "/callbacks/figures").statusCode(), stranger);
            assertEquals(403, intruder.putJson(HUIJING + "/settings/customer-base/2024-06", "{\"customers\":1}")
                    .statusCode(), stranger);
            assertEquals(403, intruder.send(HUIJING + "/settings/customer-base/2024-06", "DELETE").statusCode(),
                    stranger);
            assertFalse(intruder.get(RIVERSIDE + "/settings/customer-base").body().contains("321"),
                    "their own list does not show ours");
        }
        PortalClient riversideAdmin = client("riverside.admin");
        assertEquals(404, riversideAdmin.send(RIVERSIDE + "/settings/customer-base/2024-06", "DELETE").statusCode(),
                "our month under their own path is theirs: absent");
        PortalClient page = PortalClient.loggedIn(base, "riverside-mall", "riverside.admin", PASSWORD);
        assertEquals(403, page.get("/t/" + SLUG + "/admin/callbacks").statusCode());
        assertEquals(403, page.get("/t/" + SLUG + "/staff/callbacks").statusCode());
        assertEquals(listed, admin.get(HUIJING + "/settings/customer-base").body(), "nothing changed");
        assertEquals(204, admin.send(HUIJING + "/settings/customer-base/2024-06", "DELETE").statusCode());
    }

    // --- the seed ----------------------------------------------------------------------------------------------

    /** Writes the data set once, as the superuser (the rows as the workflow would have left them). */
    private void seedOnce() throws SQLException {
        PortalClient.awaitReady(base);
        synchronized (ReportFiguresIT.class) {
            if (seeded) {
                return;
            }
            try (Connection db = PostgresServer.kefuDatabase()) {
                db.setAutoCommit(false);
                long tenant = CaseSeed.tenant(db, SLUG);
                Map<String, Long> ids = new HashMap<>();
                for (Seed c : CASES) {
                    ids.put(c.number(), CaseSeed.of(c.number(), c.kind(), c.at(Seed::registered))
                            .category(c.category()).severity(c.severity()).channel(c.channel()).status(c.status())
                            .departments(c.department(), null).due(c.at(Seed::firstDue), c.at(Seed::resolutionDue))
                            .firstResponded(c.at(Seed::firstResponded)).resolved(c.at(Seed::resolved))
                            .closed(c.at(Seed::closed)).callbackOutcome(callbackOutcome(c)).insert(db, tenant));
                }
                int key = 0;
                for (SeedCallback t : CALLBACKS) {
                    CaseSeed.callback(db, tenant, ids.get(t.number()), t.status(), t.outcome(), t.score(),
                            at(t.created()), "report_seed_key_" + key++);
                }
                insertResponses(db, tenant);
                db.commit();
            }
            seeded = true;
        }
    }

    /** A closed case keeps its last callback's outcome unless it was "not satisfied" (which reopens it). */
    private static String callbackOutcome(Seed c) {
        return c.status().equals("CLOSED") ? CALLBACKS.stream().filter(t -> t.number().equals(c.number())
                && t.outcome() != null && !t.outcome().equals("NOT_SATISFIED")).map(SeedCallback::outcome)
                .findFirst().orElse("SATISFIED") : null;
    }

    /** The responses go to the tenant's post-case template (seeded with two ratings and an NPS question). */
    private static void insertResponses(Connection db, long tenant) throws SQLException {
        long template = single(db, "SELECT q.template_id FROM survey_question q WHERE q.tenant_id = " + tenant
                + " AND q.kind = 'NPS' AND EXISTS (SELECT 1 FROM survey_question r WHERE r.template_id = q.template_id "
                + "AND r.kind = 'RATING') ORDER BY q.template_id LIMIT 1");
        long rating = single(db, "SELECT id FROM survey_question WHERE template_id = " + template
                + " AND kind = 'RATING' ORDER BY position LIMIT 1");
        long nps = single(db, "SELECT id FROM survey_question WHERE template_id = " + template
                + " AND kind = 'NPS' ORDER BY position LIMIT 1");
        for (SeedResponse r : RESPONSES) {
            long response;
            try (PreparedStatement sql = db.prepareStatement("INSERT INTO survey_response (tenant_id, template_id, "
                    + "channel, period, submitted_at) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                sql.setLong(1, tenant);
                sql.setLong(2, template);
                sql.setString(3, r.channel());
                sql.setString(4, r.submitted().substring(0, 7));
                sql.setObject(5, utc(at(r.submitted())));
                try (ResultSet row = sql.executeQuery()) {
                    row.next();
                    response = row.getLong(1);
                }
            }
            for (Integer score : r.ratings()) {
                answer(db, tenant, response, rating, score);
            }
            for (Integer score : r.nps()) {
                answer(db, tenant, response, nps, score);
            }
        }
    }

    private static void answer(Connection db, long tenant, long response, long question, int score)
            throws SQLException {
        try (PreparedStatement sql = db.prepareStatement("INSERT INTO survey_answer (tenant_id, response_id, "
                + "question_id, score) VALUES (?, ?, ?, ?)")) {
            sql.setLong(1, tenant);
            sql.setLong(2, response);
            sql.setLong(3, question);
            sql.setInt(4, score);
            sql.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private static long single(Connection db, String query) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(query); ResultSet row = sql.executeQuery()) {
            assertTrue(row.next(), query);
            return row.getLong(1);
        }
    }
}
