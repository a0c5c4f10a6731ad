import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The staff inbox through the REST API: GET /api/v1/tenants/{tenant}/complaints?…&sort=resolutionDue&page=0&size=25
 * as the tenant's staff user, one client, N requests per (tenant × filter combination), p50/p99; then EXPLAIN
 * (ANALYZE, BUFFERS) of the equivalent SQL, and (with --pg-log) the plans auto_explain logged for the SQL the
 * portal really sent.
 *
 * Single-file program, no build: java -cp postgresql.jar bench/java/InboxBench.java --help
 * bench/inbox.sh generates the data, starts PostgreSQL and the portal and runs it.
 */
public class InboxBench {

    static final String PASSWORD = "kefu-demo-2026";

    /** A filter combination: its query string and the equivalent WHERE clause (after tenant_id = ?). */
    record Filter(String name, String query, String where, int page) {
    }

    /** As io.kefu.complaint.boundary.Inbox builds them (CaseStatus.isOpen, isRunning). */
    static final String OPEN = "status NOT IN ('CLOSED', 'NOT_UPHELD', 'WITHDRAWN')";
    static final String OVERDUE = "status IN ('REGISTERED', 'ACCEPTED', 'IN_PROGRESS', 'REJECTION_REQUESTED')"
            + " AND (resolution_due < now() OR (first_responded_at IS NULL AND first_response_due < now()))";
    static final String TEXT = " AND (case_number LIKE '%漏水%' OR lower(description) LIKE '%漏水%'"
            + " OR lower(contact_name) LIKE '%漏水%' OR contact_phone LIKE '%漏水%' OR lower(location) LIKE '%漏水%')";

    static final List<Filter> FILTERS = List.of(
            new Filter("no filter", "", "", 0),
            new Filter("status=IN_PROGRESS", "status=IN_PROGRESS", " AND status = 'IN_PROGRESS'", 0),
            new Filter("overdue=true", "overdue=true", " AND " + OVERDUE, 0),
            new Filter("status=REGISTERED&kind=REPAIR", "status=REGISTERED&kind=REPAIR",
                    " AND status = 'REGISTERED' AND kind = 'REPAIR'", 0),
            new Filter("q=漏水 (leak)", "q=" + URLEncoder.encode("漏水", StandardCharsets.UTF_8),
                    TEXT, 0),
            new Filter("status=CLOSED, page 40", "status=CLOSED", " AND status = 'CLOSED'", 40));

    record Tenant(String slug, String staff, String label) {
    }

    final String base;
    final String jdbcUrl;
    final String dbUser;
    final String dbPassword;
    final String adminUser;
    final int requests;
    final int warmup;
    final String label;
    final Path pgLog;
    final Path out;
    final List<Tenant> tenants = List.of(new Tenant("riverside-mall", "riverside.staff", "typical tenant"),
            new Tenant("huijing-property", "huijing.staff", "large tenant"));
    final StringBuilder report = new StringBuilder();
    final StringBuilder plans = new StringBuilder();
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    InboxBench(Map<String, String> o) {
        base = o.getOrDefault("base", "http://127.0.0.1:8089");
        jdbcUrl = o.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:55432/kefu_bench");
        dbUser = o.getOrDefault("db-user", "kefu");
        dbPassword = o.getOrDefault("db-password", "kefu-bench");
        adminUser = o.getOrDefault("admin-user", "postgres");
        requests = Integer.parseInt(o.getOrDefault("requests", "200"));
        warmup = Integer.parseInt(o.getOrDefault("warmup", "20"));
        label = o.getOrDefault("label", "");
        pgLog = o.containsKey("pg-log") ? Path.of(o.get("pg-log")) : null;
        out = o.containsKey("out") ? Path.of(o.get("out")) : null;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help")) {
                System.out.println("options: --base URL --jdbc URL --db-user U --db-password P --admin-user U"
                        + " --requests 200 --warmup 20 --label TEXT --pg-log FILE --out FILE --skip-rest true");
                return;
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        InboxBench bench = new InboxBench(opts);
        bench.run(!"true".equals(opts.get("skip-rest")));
    }

    void run(boolean rest) throws Exception {
        facts();
        if (rest && !apiAvailable()) {
            say("the inbox is not available on %s (no complaints API yet?): skipping the REST part%n", base);
            rest = false;
        }
        if (rest) {
            say("%n| %s tenant | cases | filter | total | p50 ms | p99 ms | mean ms | max ms | errors |%n", label);
            say("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |%n");
            for (Tenant t : tenants) {
                for (Filter f : FILTERS) {
                    time(t, f);
                }
            }
            if (pgLog != null) {
                portalPlans();
            }
        }
        explainEquivalents();
        explainAlternatives();
        if (out != null) {
            Files.writeString(out, report + "\n\n" + plans, StandardCharsets.UTF_8);
        }
    }

    void facts() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM tenant), (SELECT count(*) FROM complaint),"
                    + " (SELECT count(*) FROM complaint WHERE " + OPEN + "), (SELECT count(*) FROM complaint WHERE "
                    + OVERDUE + "), pg_size_pretty(pg_total_relation_size('complaint'))");
            rs.next();
            say("%s: %d tenants, %d cases (%d open, %d overdue), complaint table with indexes %s%n", label,
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5));
        }
    }

    long cases(String slug) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*) FROM complaint WHERE tenant_id = " + tenantId(c, slug));
            rs.next();
            return rs.getLong(1);
        }
    }

    static long tenantId(Connection c, String slug) throws SQLException {
        try (Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT id FROM tenant WHERE slug = '" + slug + "'");
            rs.next();
            return rs.getLong(1);
        }
    }

    HttpResponse<String> get(Tenant t, Filter f) throws Exception {
        String q = (f.query().isEmpty() ? "" : f.query() + "&") + "sort=resolutionDue&page=" + f.page() + "&size=25";
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/" + t.slug() + "/complaints?" + q))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (t.staff() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").header("Accept-Language", "zh-CN").GET().build();
        return client.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    boolean apiAvailable() throws Exception {
        HttpResponse<String> r = get(tenants.get(0), FILTERS.get(0));
        say("probe: GET inbox of %s → HTTP %d%n", tenants.get(0).slug(), r.statusCode());
        return r.statusCode() == 200;
    }

    static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    static final Pattern ITEM = Pattern.compile("\"number\"\\s*:");

    void time(Tenant t, Filter f) throws Exception {
        String total = "?";
        int errors = 0;
        String failure = null;
        int items = 0;
        for (int i = 0; i < warmup; i++) {
            get(t, f);
        }
        long[] lat = new long[requests];
        int n = 0;
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(t, f);
            long t1 = System.nanoTime();
            if (r.statusCode() != 200) {
                errors++;
                failure = "HTTP " + r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length()));
                continue;
            }
            lat[n++] = t1 - t0;
            Matcher m = TOTAL.matcher(r.body());
            total = m.find() ? m.group(1) : "?";
            Matcher it = ITEM.matcher(r.body());
            items = 0;
            while (it.find()) {
                items++;
            }
        }
        long[] l = Arrays.copyOf(lat, n);
        Arrays.sort(l);
        say("| %s (%s) | %d | %s | %s (page of %d) | %.1f | %.1f | %.1f | %.1f | %d |%n", t.slug(), t.label(),
                cases(t.slug()), f.name(), total, items, p(l, 50), p(l, 99),
                Arrays.stream(l).average().orElse(Double.NaN) / 1e6, p(l, 100), errors);
        if (failure != null) {
            say("  last failure: %s%n", failure);
        }
    }

    static double p(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** One request per combination with auto_explain on, then the plans PostgreSQL logged for complaint queries. */
    void portalPlans() throws Exception {
        long offset = Files.size(pgLog);
        try (Connection c = DriverManager.getConnection(jdbcUrl, adminUser, ""); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET auto_explain.log_min_duration = 0");
            s.execute("ALTER SYSTEM SET auto_explain.log_analyze = on");
            s.execute("ALTER SYSTEM SET auto_explain.log_buffers = on");
            s.execute("SELECT pg_reload_conf()");
            Thread.sleep(500);
            for (Tenant t : tenants) {
                for (Filter f : FILTERS) {
                    get(t, f);
                }
            }
            s.execute("ALTER SYSTEM RESET auto_explain.log_min_duration");
            s.execute("ALTER SYSTEM RESET auto_explain.log_analyze");
            s.execute("ALTER SYSTEM RESET auto_explain.log_buffers");
            s.execute("SELECT pg_reload_conf()");
        }
        Thread.sleep(500);
        byte[] all = Files.readAllBytes(pgLog);
        String log = new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
        plans.append("## Plans of the SQL the portal sent (auto_explain, one request per tenant × filter)\n\n");
        int shown = 0;
        for (String entry : log.split("\n(?=\\d{4}-\\d{2}-\\d{2} )")) {
            if (entry.contains("plan:") && entry.toLowerCase(Locale.ROOT).contains("from complaint")) {
                plans.append("```\n").append(entry.strip()).append("\n```\n\n");
                shown++;
            }
        }
        say("%nauto_explain logged %d plans of portal queries on complaint (in the report file)%n", shown);
        summarisePlans(log);
    }

    /** One line per logged complaint query: duration, scans used, rows. */
    void summarisePlans(String log) {
        Pattern duration = Pattern.compile("duration: ([\\d.]+) ms");
        say("| duration ms | query (start) | scans |%n| ---: | --- | --- |%n");
        for (String entry : log.split("\n(?=\\d{4}-\\d{2}-\\d{2} )")) {
            if (!entry.contains("plan:") || !entry.toLowerCase(Locale.ROOT).contains("from complaint")) {
                continue;
            }
            Matcher d = duration.matcher(entry);
            String q = entry.replaceAll("(?s).*Query Text: ", "").replaceAll("(?s)\n.*", "");
            say("| %s | `%s` | %s |%n", d.find() ? d.group(1) : "?", q.length() > 90 ? q.substring(0, 90) + "…" : q,
                    scans(entry));
        }
    }

    static String scans(String plan) {
        List<String> s = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s*(?:->\\s+)?(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan"
                + "|Incremental Sort|Sort)(?! Key| Method| Space)(?: Backward)?(?: using (\\w+))?(?: on (\\w+))?").matcher(plan);
        while (m.find()) {
            String x = m.group(1) + (m.group(2) != null ? " " + m.group(2) : "")
                    + (m.group(3) != null && m.group(2) == null ? " " + m.group(3) : "");
            if (!s.contains(x)) {
                s.add(x);
            }
        }
        return String.join(", ", s);
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of the list and count queries the inbox needs, written by hand. */
    void explainEquivalents() throws SQLException {
        plans.append("## EXPLAIN ANALYZE of the equivalent SQL\n\n");
        say("%nEquivalent SQL, EXPLAIN (ANALYZE, BUFFERS) (full plans in the report file):%n");
        say("| %s tenant | filter | page ms | page: plan | total ms | total: plan | tabs ms | tabs: plan |%n", label);
        say("| --- | --- | ---: | --- | ---: | --- | ---: | --- |%n");
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
            for (Tenant t : tenants) {
                long id = tenantId(c, t.slug());
                for (Filter f : FILTERS) {
                    String where = " FROM complaint WHERE tenant_id = " + id + f.where();
                    String list = "SELECT *" + where + " ORDER BY resolution_due, id LIMIT 25 OFFSET " + (25 * f.page());
                    String count = "SELECT count(id)" + where; // COUNT(c) in JPQL is COUNT(ID) in SQL
                    // the inbox's tabs: counts per status for the same filter without its status part
                    String tabs = "SELECT status, count(id) FROM complaint WHERE tenant_id = " + id
                            + f.where().replaceAll(" AND status = '\\w+'", "") + " GROUP BY status";
                    String[] a = explain(s, list);
                    String[] b = explain(s, count);
                    String[] c3 = explain(s, tabs);
                    say("| %s | %s | %s | %s | %s | %s | %s | %s |%n", t.slug(), f.name(), a[0], scans(a[1]), b[0],
                            scans(b[1]), c3[0], scans(c3[1]));
                    plans.append("### ").append(t.slug()).append(", ").append(f.name()).append("\n\n```\n")
                            .append(list).append(";\n").append(a[1]).append("\n").append(count).append(";\n")
                            .append(b[1]).append("\n").append(tabs).append(";\n").append(c3[1]).append("```\n\n");
                }
            }
        }
    }

    /**
     * What the two aggregates of every inbox request could cost instead: one GROUP BY status with count(*) gives
     * both the tabs and the total, and count(*) (unlike the COUNT(ID) EclipseLink writes for COUNT(c)) can be
     * answered from the index on (tenant_id, status, …) alone.
     */
    void explainAlternatives() throws SQLException {
        plans.append("## Alternatives to the two aggregates\n\n");
        say("%nAlternative: tabs and total from one aggregate, count(*) (index-only):%n");
        say("| %s tenant | filter | ms | plan |%n| --- | --- | ---: | --- |%n", label);
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
            for (Tenant t : tenants) {
                long id = tenantId(c, t.slug());
                for (Filter f : List.of(FILTERS.get(0), FILTERS.get(2))) {
                    String sql = "SELECT status, count(*) FROM complaint WHERE tenant_id = " + id + f.where()
                            + " GROUP BY status";
                    String[] a = explain(s, sql);
                    say("| %s | %s | %s | %s |%n", t.slug(), f.name(), a[0], scans(a[1]));
                    plans.append("```\n").append(sql).append(";\n").append(a[1]).append("```\n\n");
                }
            }
        }
    }

    static String[] explain(Statement s, String sql) throws SQLException {
        // twice: the first run warms the cache, the second is the one shown
        s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql).close();
        ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql);
        StringBuilder plan = new StringBuilder();
        String time = "?";
        while (rs.next()) {
            String line = rs.getString(1);
            plan.append(line).append('\n');
            if (line.startsWith("Execution Time:")) {
                time = line.replaceAll("[^\\d.]", "");
            }
        }
        return new String[] {time, plan.toString()};
    }

    void say(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        System.out.print(s);
        System.out.flush();
        report.append(s);
    }
}
