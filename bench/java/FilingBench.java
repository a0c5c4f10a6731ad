import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Case filing at N concurrent clients, twice on the same database in the same run: (a) through the REST API
 * (POST /api/v1/tenants/{tenant}/complaints as the tenant's staff user, HTTP Basic), (b) as plain JDBC doing
 * what a filing must do in the database (name the transaction's tenant for row-level security, take the month's
 * next serial with one UPDATE … RETURNING, insert the complaint, its tracking key and its first case_event,
 * commit). Then checks that case numbers are unique and gapless per tenant and month.
 *
 * <p>Beside a peer (bench/peer-rt.sh), with the same load loop and bodies: {@code rt} files the same cases as
 * Request Tracker 5 tickets (POST /REST/2.0/ticket), {@code rest-list} and {@code rt-list} list a page of 25
 * sorted by due date (Kefu's inbox of the large tenant; RT's ticket search of the queue holding its cases).
 *
 * Single-file program, no build: java -cp postgresql.jar bench/java/FilingBench.java --help
 * bench/filing.sh starts PostgreSQL and the portal and runs it.
 */
public class FilingBench {

    record Tenant(String slug, String staff, long id, ZoneId zone, String[] categories) {
    }

    static final String PASSWORD = "kefu-demo-2026";
    static final String[] KINDS = {"COMPLAINT", "COMPLAINT", "COMPLAINT", "REPAIR", "REPAIR", "CONSULTATION",
        "SUGGESTION", "PRAISE"};
    static final String[] DESCRIPTIONS = {
        "楼上每晚十二点后装修噪音，影响休息，已持续一周",
        "地下车库B2层照明坏了三盏，晚上很暗，存在安全隐患",
        "厨房水管漏水，楼下邻居天花板已经渗水",
        "电梯经常停在12楼不动，早高峰要等十分钟以上",
        "小区东门门禁卡刷不开，保安说要自己去物业办公室",
        "物业费账单多收了两个月的公摊电费，请核实",
        "Bought a rice cooker on level 2, it stopped working after three days; the shop refuses an exchange",
        "The escalator near the north entrance has been out of service since Monday",
        "Parking payment machine at P1 took my card and did not return it",
        "保洁阿姨服务很好，楼道每天都很干净，特此表扬",
    };
    static final String[] LOCATIONS = {"3栋2单元1502", "7栋1单元302", "地下车库B2", "小区东门", "Level 2, shop 2-17",
        "North entrance", "P1 car park"};
    static final String[] NAMES = {"王女士", "李先生", "张女士", "陈先生", "Ms Tan", "Mr Lim"};

    final Map<String, String> opts;
    final String base;
    final String jdbcUrl;
    final String dbUser;
    final String dbPassword;
    final String adminUser;
    final int clients;
    final int count;
    final int rounds;
    final Duration warmup;
    final long portalPid;
    final long pgPid;
    final Path out;
    final long rtPid;
    final String rtBase;
    final String rtUser;
    final String rtPassword;
    final String rtQueue;
    final String rtListQueue;
    final boolean rtSession;
    final String rtDbUser;
    final StringBuilder report = new StringBuilder();
    final List<Tenant> tenants = new ArrayList<>();

    FilingBench(Map<String, String> opts) {
        this.opts = opts;
        base = opts.getOrDefault("base", "http://127.0.0.1:8089");
        jdbcUrl = opts.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:55432/kefu_bench");
        dbUser = opts.getOrDefault("db-user", "kefu");
        dbPassword = opts.getOrDefault("db-password", "kefu-bench");
        adminUser = opts.getOrDefault("admin-user", "postgres");
        clients = Integer.parseInt(opts.getOrDefault("clients", "32"));
        count = Integer.parseInt(opts.getOrDefault("count", "4000"));
        rounds = Integer.parseInt(opts.getOrDefault("rounds", "3"));
        warmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("warmup", "10")));
        portalPid = Long.parseLong(opts.getOrDefault("portal-pid", "0"));
        pgPid = Long.parseLong(opts.getOrDefault("pg-pid", "0"));
        out = opts.containsKey("out") ? Path.of(opts.get("out")) : null;
        rtPid = Long.parseLong(opts.getOrDefault("rt-pid", "0"));
        rtBase = opts.getOrDefault("rt-base", "http://127.0.0.1:8096/rt");
        rtUser = opts.getOrDefault("rt-user", "bench.staff");
        rtPassword = opts.getOrDefault("rt-password", PASSWORD);
        rtQueue = opts.getOrDefault("rt-queue", "kefu-filing");
        rtListQueue = opts.getOrDefault("rt-list-queue", "kefu-bench");
        rtSession = !"basic".equals(opts.getOrDefault("rt-auth", "session"));
        rtDbUser = opts.getOrDefault("rt-db-user", "rt_user");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help")) {
                System.out.println("options: --base URL --jdbc URL --db-user U --db-password P --admin-user U"
                        + " --clients 32 --count 4000 --rounds 3 --warmup 10 --phases rest,jdbc"
                        + " --tenants huijing-property,riverside-mall"
                        + " --portal-pid PID --pg-pid PID --out FILE"
                        + " | peer: --phases rest,rt or rest-list,rt-list --rt-base URL --rt-user U --rt-password P"
                        + " --rt-queue Q (filing) --rt-list-queue Q --rt-auth session|basic --rt-pid PID (Apache) --rt-db-user U");
                return;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad option " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        new FilingBench(opts).run();
    }

    /** What each phase is called in the report. */
    static final Map<String, String> LABELS = Map.of("rest", "REST", "rest1", "REST 1 tenant", "jdbc", "JDBC",
            "rt", "RT REST 2", "rest-list", "Kefu list", "rt-list", "RT list");

    void run() throws Exception {
        List<String> phases = new ArrayList<>(new java.util.LinkedHashSet<>(
                Arrays.asList(opts.getOrDefault("phases", "rest,jdbc").split(","))));
        for (String phase : phases) {
            if (!LABELS.containsKey(phase)) {
                throw new IllegalArgumentException("unknown phase " + phase + "; one of " + LABELS.keySet());
            }
        }
        loadTenants();
        checkSchema();
        say("%d clients, %d requests per measured round, %d rounds, warm-up %d s; phases %s; tenants %s%n", clients,
                count, rounds, warmup.toSeconds(), phases, tenants.stream().map(Tenant::slug).toList());

        Map<String, List<Op>> ops = new LinkedHashMap<>();
        for (String phase : phases) {
            if (phase.equals("rest") && !apiAvailable()) {
                say("REST filing is not available on %s (no complaints API yet?): skipping the REST part%n", base);
                continue;
            }
            // "rest1": the same REST filing with every client on the first tenant, in the same rounds, to compare
            // one tenant taking all the filings (one month counter, one row lock) with the load spread over two.
            if (phase.equals("rest1") && tenants.size() < 2) {
                continue;
            }
            List<Op> list = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                list.add(switch (phase) {
                    case "rest" -> new RestFiling(tenants.get(i % tenants.size()));
                    case "rest1" -> new RestFiling(tenants.get(0));
                    case "jdbc" -> new JdbcFiling(tenants.get(i % tenants.size()));
                    case "rt" -> new RtFiling();
                    case "rest-list" -> new KefuListing(tenants.get(0));
                    default -> new RtListing();
                });
            }
            ops.put(phase, list);
        }
        // JDBC needs no JIT warm-up of a server; the others get the full warm-up each.
        for (var e : ops.entrySet()) {
            Duration d = e.getKey().equals("jdbc") ? Duration.ofSeconds(Math.min(warmup.toSeconds(), 5)) : warmup;
            report(runPhase(LABELS.get(e.getKey()) + " warm-up", e.getValue(), d, 0), false);
        }
        Map<String, List<Result>> results = new LinkedHashMap<>();
        for (int r = 1; r <= rounds; r++) {
            for (var e : ops.entrySet()) {
                resetStatements();
                Result res = runPhase(LABELS.get(e.getKey()) + " round " + r, e.getValue(), null, count);
                res.phase = e.getKey();
                res.round = r;
                res.memory = memory();
                report(res, true);
                results.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(res);
                if (r == rounds && e.getKey().equals("rest")) {
                    statements("SQL the portal sent per REST filing (pg_stat_statements, last REST round)", res.ok,
                            dbUser);
                } else if (r == rounds && e.getKey().startsWith("rt")) {
                    statements("SQL RT sent per request (pg_stat_statements, last " + LABELS.get(e.getKey())
                            + " round)", res.ok, rtDbUser);
                }
            }
        }
        if (results.containsKey("rest1") && results.containsKey("rest")) {
            double one = median(results.get("rest1"), Result::throughput);
            double two = median(results.get("rest"), Result::throughput);
            say("one tenant taking all the filings: median %.0f filings/s against %.0f spread over %d tenants:"
                    + " ratio %.2f%n", one, two, tenants.size(), one / two);
        }
        for (List<Op> list : ops.values()) {
            for (Op op : list) {
                op.close();
            }
        }
        summary(results.getOrDefault("rest", List.of()), results.getOrDefault("jdbc", List.of()));
        if (results.keySet().stream().anyMatch(k -> k.startsWith("rt") || k.endsWith("-list"))) {
            peerTable(results);
        }
        if (phases.contains("rest") || phases.contains("jdbc")) {
            verify();
        }
        if (out != null) {
            Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The load loop

    interface Op extends AutoCloseable {
        /** One filing; returns null when it worked, else a short description of the failure. */
        String file() throws Exception;

        /** Nanoseconds spent waiting for the month's case_serial row lock in the last filing, or -1. */
        default long lockWaitNanos() {
            return -1;
        }

        @Override
        default void close() throws Exception {
        }
    }

    static final class Result {
        final String name;
        String phase;
        int round;
        Map<String, Long> memory = Map.of();
        int ok;
        int errors;
        long wallNanos;
        long[] latencies;
        long[] lockWaits;
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Map<String, Double> cpuSeconds = new LinkedHashMap<>();

        Result(String name) {
            this.name = name;
        }

        double throughput() {
            return ok / (wallNanos / 1e9);
        }

        double pct(long[] values, double p) {
            if (values.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * values.length) - 1;
            return values[Math.max(0, Math.min(values.length - 1, index))] / 1e6;
        }

        double p(double p) {
            return pct(latencies, p);
        }

        double mean() {
            return Arrays.stream(latencies).average().orElse(Double.NaN) / 1e6;
        }
    }

    Result runPhase(String name, List<Op> ops, Duration duration, int total) throws Exception {
        Result result = new Result(name);
        AtomicInteger tickets = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[][] lat = new long[ops.size()][];
        long[][] waits = new long[ops.size()][];
        int[] n = new int[ops.size()];
        ExecutorService pool = Executors.newFixedThreadPool(ops.size());
        CountDownLatch ready = new CountDownLatch(ops.size());
        CountDownLatch go = new CountDownLatch(1);
        Map<String, Long> cpuBefore = cpu();
        long[] startEnd = new long[2];
        AtomicLong lastEnd = new AtomicLong();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < ops.size(); w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                Op op = ops.get(worker);
                long[] mine = new long[Math.max(1024, total / ops.size() * 2)];
                long[] mineWaits = new long[mine.length];
                int k = 0;
                ready.countDown();
                go.await();
                while (true) {
                    if (duration == null) {
                        if (tickets.getAndIncrement() >= total) {
                            break;
                        }
                    } else if (System.nanoTime() >= startEnd[1]) {
                        break;
                    }
                    long t0 = System.nanoTime();
                    String failure;
                    try {
                        failure = op.file();
                    } catch (Exception e) {
                        failure = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
                    }
                    long t1 = System.nanoTime();
                    lastEnd.accumulateAndGet(t1, Math::max);
                    if (failure != null) {
                        errors.incrementAndGet();
                        result.failures.merge(failure.length() > 160 ? failure.substring(0, 160) : failure, 1,
                                Integer::sum);
                        continue;
                    }
                    if (k == mine.length) {
                        mine = Arrays.copyOf(mine, k * 2);
                        mineWaits = Arrays.copyOf(mineWaits, k * 2);
                    }
                    mine[k] = t1 - t0;
                    mineWaits[k] = op.lockWaitNanos();
                    k++;
                }
                lat[worker] = mine;
                waits[worker] = mineWaits;
                n[worker] = k;
                return null;
            }));
        }
        ready.await();
        startEnd[0] = System.nanoTime();
        startEnd[1] = duration == null ? Long.MAX_VALUE : startEnd[0] + duration.toNanos();
        go.countDown();
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        result.wallNanos = lastEnd.get() - startEnd[0];
        result.cpuSeconds = cpuDelta(cpuBefore, cpu());
        result.ok = Arrays.stream(n).sum();
        result.errors = errors.get();
        result.latencies = new long[result.ok];
        result.lockWaits = new long[result.ok];
        int at = 0;
        for (int w = 0; w < ops.size(); w++) {
            System.arraycopy(lat[w], 0, result.latencies, at, n[w]);
            System.arraycopy(waits[w], 0, result.lockWaits, at, n[w]);
            at += n[w];
        }
        Arrays.sort(result.latencies);
        Arrays.sort(result.lockWaits);
        return result;
    }

    void report(Result r, boolean measured) {
        say("%-14s %6d ok %4d errors in %6.2f s: %7.1f filings/s, latency p50 %7.2f ms, p99 %7.2f ms, "
                + "mean %7.2f ms, max %7.2f ms%n", r.name, r.ok, r.errors, r.wallNanos / 1e9, r.throughput(),
                r.p(50), r.p(99), r.mean(), r.p(100));
        if (r.lockWaits.length > 0 && r.lockWaits[0] >= 0) {
            say("%-14s case_serial row lock wait (UPDATE … RETURNING): p50 %.2f ms, p99 %.2f ms, "
                    + "mean %.2f ms%n", "", r.pct(r.lockWaits, 50), r.pct(r.lockWaits, 99),
                    Arrays.stream(r.lockWaits).average().orElse(0) / 1e6);
        }
        if (!r.cpuSeconds.isEmpty() && r.ok > 0) {
            StringBuilder s = new StringBuilder();
            r.cpuSeconds.forEach((who, sec) -> s.append(String.format(Locale.ROOT, "%s %.1f s (%.2f ms/filing)  ",
                    who, sec, sec * 1000 / r.ok)));
            say("%-14s CPU: %s%n", "", s.toString().strip());
        }
        r.failures.entrySet().stream().sorted(Map.Entry.comparingByValue((a, b) -> b - a)).limit(5)
                .forEach(e -> say("%-14s %5d × %s%n", "", e.getValue(), e.getKey()));
    }

    void summary(List<Result> rest, List<Result> jdbc) {
        say("%n");
        say("| run | filings | errors | wall s | filings/s | p50 ms | p99 ms | mean ms | CPU ms/filing: portal"
                + " / PostgreSQL / load generator | cores used by other processes / interrupts / steal |%n");
        say("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n");
        for (List<Result> list : List.of(rest, jdbc)) {
            for (Result r : list) {
                say("| %s | %d | %d | %.2f | %.0f | %.1f | %.1f | %.1f | %s | %s |%n", r.name, r.ok, r.errors,
                        r.wallNanos / 1e9, r.throughput(), r.p(50), r.p(99), r.mean(),
                        String.format(Locale.ROOT, "%.2f / %.2f / %.2f", perFiling(r, "portal"),
                                perFiling(r, "postgres"), perFiling(r, "load generator")),
                        String.format(Locale.ROOT, "%.2f / %.2f / %.2f", cores(r, "other processes"),
                                cores(r, "interrupts"), cores(r, "steal")));
            }
        }
        if (!rest.isEmpty() && !jdbc.isEmpty()) {
            double restTp = median(rest, Result::throughput);
            double jdbcTp = median(jdbc, Result::throughput);
            double restP50 = median(rest, r -> r.p(50));
            double jdbcP50 = median(jdbc, r -> r.p(50));
            double restP99 = median(rest, r -> r.p(99));
            double jdbcP99 = median(jdbc, r -> r.p(99));
            say("%nmedian over rounds: REST %.0f filings/s, p50 %.1f ms, p99 %.1f ms; JDBC %.0f filings/s, "
                    + "p50 %.1f ms, p99 %.1f ms%n", restTp, restP50, restP99, jdbcTp, jdbcP50, jdbcP99);
            say("ratio REST/JDBC: throughput %.2f (JDBC is %.1f× faster), latency p50 %.1f×, p99 %.1f×%n",
                    restTp / jdbcTp, jdbcTp / restTp, restP50 / jdbcP50, restP99 / jdbcP99);
        }
    }

    /**
     * Kefu and RT side by side, one row per round and a median per phase, between markers bench/peer-rt.sh cuts the
     * table out by. Server: the portal JVM for Kefu, Apache and its FastCGI processes for RT; memory is the PSS
     * (proportional set size: shared pages split between the processes sharing them) of each tree after the round.
     */
    void peerTable(Map<String, List<Result>> results) {
        say("%n<!-- peer table -->%n");
        say("| %d clients | round | requests | errors | req/s | p50 ms | p99 ms | CPU ms/request: server + PostgreSQL"
                + " | server memory MiB | PostgreSQL memory MiB | other processes, cores |%n", clients);
        say("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n");
        for (int r = 1; r <= rounds; r++) {
            for (var e : results.entrySet()) {
                if (r <= e.getValue().size()) {
                    Result res = e.getValue().get(r - 1);
                    String server = server(res.phase);
                    say("| %s | %d | %d | %d | %.0f | %.1f | %.1f | %.2f + %.2f | %d | %d | %.2f |%n",
                            PEER_LABELS.get(res.phase), r, res.ok, res.errors, res.throughput(), res.p(50), res.p(99),
                            perFiling(res, server), perFiling(res, "postgres"), mib(res, server),
                            mib(res, "postgres"), cores(res, "other processes"));
                }
            }
        }
        for (var e : results.entrySet()) {
            List<Result> list = e.getValue();
            String server = server(e.getKey());
            say("| **%s, median** | | | %d | **%.0f** | **%.1f** | **%.1f** | **%.2f + %.2f** | **%.0f** | %.0f | %.2f |%n",
                    PEER_LABELS.get(e.getKey()), list.stream().mapToInt(x -> x.errors).sum(),
                    median(list, Result::throughput), median(list, x -> x.p(50)), median(list, x -> x.p(99)),
                    median(list, x -> perFiling(x, server)), median(list, x -> perFiling(x, "postgres")),
                    median(list, x -> mib(x, server)), median(list, x -> mib(x, "postgres")),
                    median(list, x -> cores(x, "other processes")));
        }
        say("<!-- end -->%n");
    }

    static final Map<String, String> PEER_LABELS = Map.of("rest", "Kefu REST filing", "rest1", "Kefu REST filing, 1 tenant",
            "jdbc", "plain JDBC filing",
            "rt", "RT REST 2 filing", "rest-list", "Kefu inbox page", "rt-list", "RT ticket search page");

    static String server(String phase) {
        return phase.startsWith("rt") ? "rt" : "portal";
    }

    static long mib(Result r, String who) {
        return r.memory.getOrDefault(who, 0L) / 1024;
    }

    static double cores(Result r, String who) {
        return r.cpuSeconds.getOrDefault(who, Double.NaN) / (r.wallNanos / 1e9);
    }

    static double perFiling(Result r, String who) {
        return r.cpuSeconds.getOrDefault(who, Double.NaN) * 1000 / Math.max(1, r.ok);
    }

    static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> f) {
        double[] v = results.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    // ---------------------------------------------------------------------------------------------------------
    // REST

    final class RestFiling implements Op {
        final Tenant tenant;
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        final String auth;
        final URI uri;

        RestFiling(Tenant tenant) {
            this.tenant = tenant;
            auth = "Basic " + Base64.getEncoder().encodeToString((tenant.staff() + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            uri = URI.create(base + "/api/v1/tenants/" + tenant.slug() + "/complaints");
        }

        HttpResponse<String> post(String json) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("Accept-Language", "zh-CN")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        @Override
        public String file() throws Exception {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            String category = rnd.nextInt(5) == 0 ? null : tenant.categories()[rnd.nextInt(tenant.categories().length)];
            String json = "{\"kind\":\"" + KINDS[rnd.nextInt(KINDS.length)] + "\","
                    + (category == null ? "" : "\"categoryCode\":\"" + category + "\",")
                    + "\"description\":\"" + DESCRIPTIONS[rnd.nextInt(DESCRIPTIONS.length)] + "（" + rnd.nextInt(1_000_000)
                    + "）\",\"location\":\"" + LOCATIONS[rnd.nextInt(LOCATIONS.length)] + "\","
                    + "\"contactName\":\"" + NAMES[rnd.nextInt(NAMES.length)] + "\","
                    + "\"contactPhone\":\"1" + (3 + rnd.nextInt(7)) + String.format("%09d", rnd.nextInt(1_000_000_000))
                    + "\",\"channel\":\"PHONE\"}";
            HttpResponse<String> response = post(json);
            if (response.statusCode() != 201) {
                String body = response.body().replaceAll("\\s+", " ");
                return "HTTP " + response.statusCode() + " " + (body.length() > 120 ? body.substring(0, 120) : body);
            }
            return null;
        }
    }

    boolean apiAvailable() throws Exception {
        RestFiling probe = new RestFiling(tenants.get(0));
        HttpResponse<String> r = probe.post("{}");
        say("probe: POST %s with {} → HTTP %d%n", probe.uri, r.statusCode());
        return r.statusCode() != 404 && r.statusCode() != 405;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The peer: Request Tracker 5's REST 2 API, and both inboxes

    /** The random parts of a filing, drawn the same way for Kefu and RT. */
    record Draw(String kind, String description, String location, String name, String phone) {
        static Draw next() {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            return new Draw(KINDS[rnd.nextInt(KINDS.length)],
                    DESCRIPTIONS[rnd.nextInt(DESCRIPTIONS.length)] + "（" + rnd.nextInt(1_000_000) + "）",
                    LOCATIONS[rnd.nextInt(LOCATIONS.length)], NAMES[rnd.nextInt(NAMES.length)],
                    "1" + (3 + rnd.nextInt(7)) + String.format("%09d", rnd.nextInt(1_000_000_000)));
        }
    }

    static final DateTimeFormatter RT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /**
     * One client of RT: its own HttpClient like each Kefu client. With session auth it logs in once (RT's web login,
     * the session cookie then authenticates REST 2), as Kefu verifies a client's password once and remembers it;
     * with basic auth RT checks the password's bcrypt hash (cost 12) on every request.
     */
    final class RtClient {
        final HttpClient client;
        final String auth;

        RtClient() throws Exception {
            java.net.CookieManager cookies = new java.net.CookieManager();
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            auth = "Basic " + Base64.getEncoder().encodeToString((rtUser + ":" + rtPassword)
                    .getBytes(StandardCharsets.UTF_8));
            if (rtSession) {
                String form = "user=" + java.net.URLEncoder.encode(rtUser, StandardCharsets.UTF_8) + "&pass="
                        + java.net.URLEncoder.encode(rtPassword, StandardCharsets.UTF_8);
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(rtBase + "/NoAuth/Login.html"))
                        .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                if (cookies.getCookieStore().getCookies().stream().noneMatch(c -> c.getName().startsWith("RT_SID"))
                        || r.body().contains("Your username or password is incorrect")) {
                    throw new IllegalStateException("RT login of " + rtUser + " failed: HTTP " + r.statusCode());
                }
            }
        }

        HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(rtBase + path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json");
            return rtSession ? b : b.header("Authorization", auth);
        }
    }

    static String failure(HttpResponse<String> response) {
        String body = response.body().replaceAll("\\s+", " ");
        return "HTTP " + response.statusCode() + " " + (body.length() > 120 ? body.substring(0, 120) : body);
    }

    /** RT's equivalent of a staff phone filing: a ticket in the queue, the resident's words as its content. */
    final class RtFiling implements Op {
        final RtClient rt = new RtClient();

        RtFiling() throws Exception {
        }

        @Override
        public String file() throws Exception {
            Draw d = Draw.next();
            // The deadline Kefu computes (REPAIR 3 days, else 21) as RT's Due; RT takes it as UTC.
            String due = OffsetDateTime.now(ZoneOffset.UTC).plusDays(d.kind().equals("REPAIR") ? 3 : 21).format(RT_DATE);
            String body = "{\"Queue\":\"" + json(rtQueue) + "\",\"Subject\":\"" + json(d.description())
                    + "\",\"Content\":\"" + json(d.description() + "\n地点：" + d.location() + "\n联系人：" + d.name()
                    + " " + d.phone()) + "\",\"ContentType\":\"text/plain\",\"Due\":\"" + due + "\"}";
            HttpResponse<String> response = rt.client.send(rt.request("/REST/2.0/ticket")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() == 201 ? null : failure(response);
        }
    }

    static int occurrences(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    /** The first page of Kefu's staff inbox (all statuses), sorted by the resolution deadline, with its total. */
    final class KefuListing implements Op {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        final HttpRequest request;

        KefuListing(Tenant tenant) {
            request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/" + tenant.slug()
                    + "/complaints?sort=resolutionDue&page=0&size=25")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (tenant.staff() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json").header("Accept-Language", "zh-CN").GET().build();
        }

        @Override
        public String file() throws Exception {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                return failure(r);
            }
            int items = occurrences(r.body(), "\"number\":");
            return items == 25 ? null : "a page of " + items + " instead of 25";
        }
    }

    /** The same page in RT: the queue's tickets (all statuses but deleted) by Due, 25 with the total. */
    final class RtListing implements Op {
        final RtClient rt = new RtClient();
        final HttpRequest request;

        RtListing() throws Exception {
            String query = java.net.URLEncoder.encode("Queue = '" + rtListQueue + "'", StandardCharsets.UTF_8);
            request = rt.request("/REST/2.0/tickets?query=" + query + "&orderby=Due&order=ASC&page=1&per_page=25"
                    + "&fields=Subject,Status,Owner,Due,Created").GET().build();
        }

        @Override
        public String file() throws Exception {
            HttpResponse<String> r = rt.client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                return failure(r);
            }
            int items = occurrences(r.body(), "\"Subject\"");
            return items == 25 ? null : "a page of " + items + " instead of 25";
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // JDBC: what a filing does in the database, in one transaction

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");
    static final SecureRandom RANDOM = new SecureRandom();

    final class JdbcFiling implements Op {
        final Tenant tenant;
        final Connection c;
        final PreparedStatement tenantSetting;
        final PreparedStatement take;
        final PreparedStatement create;
        final PreparedStatement complaint;
        final PreparedStatement trackingKey;
        final PreparedStatement event;
        long lockWait = -1;

        JdbcFiling(Tenant tenant) throws SQLException {
            this.tenant = tenant;
            c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
            c.setAutoCommit(false);
            // Row-level security (V17): every transaction names its tenant first, as the portal's does.
            tenantSetting = c.prepareStatement("SELECT set_config('kefu.tenant_id', ?, true)");
            // The cheapest gapless allocation: one atomic increment that takes the row lock and returns the serial.
            take = c.prepareStatement("UPDATE case_serial SET last_serial = last_serial + 1"
                    + " WHERE tenant_id = ? AND serial_month = ? RETURNING last_serial");
            create = c.prepareStatement("INSERT INTO case_serial (tenant_id, serial_month, last_serial) VALUES (?, ?, 0)"
                    + " ON CONFLICT (tenant_id, serial_month) DO NOTHING");
            complaint = c.prepareStatement("INSERT INTO complaint (tenant_id, case_number, kind,"
                    + " category_code, severity, channel, status, description, location, contact_name, contact_phone,"
                    + " contact_email, desired_outcome, anonymous, registered_at, registered_by, first_response_due,"
                    + " resolution_due, version) VALUES (?, ?, ?, ?, 'ORDINARY', 'PHONE', 'REGISTERED', ?, ?, ?, ?,"
                    + " NULL, NULL, FALSE, ?, ?, ?, ?, 1) RETURNING id");
            trackingKey = c.prepareStatement("INSERT INTO tracking_key (tenant_id, complaint_id, token_hash, issued_at)"
                    + " VALUES (?, ?, ?, ?)");
            event = c.prepareStatement("INSERT INTO case_event (tenant_id, complaint_id, occurred_at, actor,"
                    + " event_action, from_status, to_status, body, public_event)"
                    + " VALUES (?, ?, ?, ?, 'REGISTER', NULL, 'REGISTERED', NULL, TRUE)");
        }

        @Override
        public String file() throws Exception {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            String month = now.atZoneSameInstant(tenant.zone()).format(MONTH);
            try {
                tenantSetting.setString(1, Long.toString(tenant.id()));
                tenantSetting.executeQuery().close();
                long t0 = System.nanoTime();
                take.setLong(1, tenant.id());
                take.setString(2, month);
                int serial;
                ResultSet rs = take.executeQuery();
                if (!rs.next()) {
                    rs.close();
                    create.setLong(1, tenant.id());
                    create.setString(2, month);
                    create.executeUpdate();
                    rs = take.executeQuery();
                    rs.next();
                }
                lockWait = System.nanoTime() - t0;
                serial = rs.getInt(1);
                rs.close();

                byte[] token = new byte[32];
                RANDOM.nextBytes(token);
                String kind = KINDS[rnd.nextInt(KINDS.length)];
                String category = rnd.nextInt(5) == 0 ? null
                        : tenant.categories()[rnd.nextInt(tenant.categories().length)];
                complaint.setLong(1, tenant.id());
                complaint.setString(2, String.format("%s-%04d", month, serial));
                complaint.setString(3, kind);
                complaint.setString(4, category);
                complaint.setString(5, DESCRIPTIONS[rnd.nextInt(DESCRIPTIONS.length)] + "（" + rnd.nextInt(1_000_000)
                        + "）");
                complaint.setString(6, LOCATIONS[rnd.nextInt(LOCATIONS.length)]);
                complaint.setString(7, NAMES[rnd.nextInt(NAMES.length)]);
                complaint.setString(8, "1" + (3 + rnd.nextInt(7)) + String.format("%09d", rnd.nextInt(1_000_000_000)));
                complaint.setObject(9, now);
                complaint.setString(10, tenant.staff());
                complaint.setObject(11, now.plusDays(1));
                complaint.setObject(12, now.plusDays(kind.equals("REPAIR") ? 3 : 21));
                long complaintId;
                try (ResultSet keys = complaint.executeQuery()) {
                    keys.next();
                    complaintId = keys.getLong(1);
                }
                trackingKey.setLong(1, tenant.id());
                trackingKey.setLong(2, complaintId);
                trackingKey.setString(3, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Base64.getUrlEncoder().withoutPadding().encodeToString(token)
                                .getBytes(StandardCharsets.US_ASCII))));
                trackingKey.setObject(4, now);
                trackingKey.executeUpdate();
                event.setLong(1, tenant.id());
                event.setLong(2, complaintId);
                event.setObject(3, now);
                event.setString(4, tenant.staff());
                event.executeUpdate();
                c.commit();
                return null;
            } catch (SQLException e) {
                c.rollback();
                return "SQLState " + e.getSQLState() + ": " + e.getMessage();
            }
        }

        @Override
        public long lockWaitNanos() {
            return lockWait;
        }

        @Override
        public void close() throws SQLException {
            c.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Database facts, statement statistics, verification

    // Read as the superuser: row-level security (V17) shows the application's role only rows of the tenant its
    // transaction names, and these reads span both tenants.
    void loadTenants() throws SQLException {
        try (Connection c = admin()) {
            // --tenants huijing-property puts every client on one tenant (one month counter for all the filings).
            Set<String> wanted = new TreeSet<>(Arrays.asList(opts.getOrDefault("tenants",
                    "huijing-property,riverside-mall").split(",")));
            for (String[] t : new String[][] {{"huijing-property", "huijing.staff"}, {"riverside-mall", "riverside.staff"}}) {
                if (!wanted.contains(t[0])) {
                    continue;
                }
                try (PreparedStatement s = c.prepareStatement("SELECT id, time_zone FROM tenant WHERE slug = ?")) {
                    s.setString(1, t[0]);
                    ResultSet rs = s.executeQuery();
                    if (!rs.next()) {
                        throw new IllegalStateException("no tenant " + t[0] + ": start the portal with KEFU_DEMO_SEED=true");
                    }
                    long id = rs.getLong(1);
                    ZoneId zone = ZoneId.of(rs.getString(2));
                    List<String> categories = new ArrayList<>();
                    try (PreparedStatement q = c.prepareStatement(
                            "SELECT code FROM category WHERE tenant_id = ? AND active ORDER BY code")) {
                        q.setLong(1, id);
                        ResultSet cr = q.executeQuery();
                        while (cr.next()) {
                            categories.add(cr.getString(1));
                        }
                    }
                    tenants.add(new Tenant(t[0], t[1], id, zone, categories.toArray(String[]::new)));
                }
            }
        }
    }

    /** Fails early when a migration added a NOT NULL column without default that the JDBC insert leaves out. */
    void checkSchema() throws SQLException {
        Map<String, Set<String>> written = Map.of(
                "complaint", Set.of("id", "tenant_id", "case_number", "kind", "category_code",
                        "severity", "channel", "status", "description", "location", "contact_name", "contact_phone",
                        "contact_email", "desired_outcome", "anonymous", "registered_at", "registered_by",
                        "first_response_due", "resolution_due", "version"),
                "case_event", Set.of("id", "tenant_id", "complaint_id", "occurred_at", "actor", "event_action",
                        "from_status", "to_status", "body", "public_event"),
                "case_serial", Set.of("id", "tenant_id", "serial_month", "last_serial"));
        List<String> missing = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                PreparedStatement s = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns"
                        + " WHERE table_schema = 'public' AND table_name IN ('complaint', 'case_event', 'case_serial')"
                        + " AND is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO'")) {
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                if (!written.get(rs.getString(1)).contains(rs.getString(2))) {
                    missing.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the schema has NOT NULL columns the JDBC filing does not write: "
                    + missing + " — adapt JdbcFiling");
        }
    }

    Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, adminUser, "");
    }

    void resetStatements() {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        } catch (SQLException e) {
            // statistics are a bonus
        }
    }

    void statements(String title, int filings, String role) {
        if (filings == 0) {
            return;
        }
        say("%n%s:%n", title);
        say("| calls/filing | mean ms | total ms | statement |%n| ---: | ---: | ---: | --- |%n");
        try (Connection c = admin(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT calls, mean_exec_time, total_exec_time, query FROM pg_stat_statements"
                    + " s JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = '" + role + "'"
                    + " AND calls >= " + Math.max(1, filings / 10) + " ORDER BY calls DESC, total_exec_time DESC LIMIT 25");
            while (rs.next()) {
                String q = rs.getString(4).replaceAll("\\s+", " ").replace("|", "\\|");
                say("| %.2f | %.3f | %.0f | `%s` |%n", rs.getLong(1) / (double) filings, rs.getDouble(2), rs.getDouble(3),
                        q.length() > 150 ? q.substring(0, 150) + "…" : q);
            }
            rs = s.executeQuery("SELECT coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0) FROM pg_stat_statements s"
                    + " JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = '" + role + "'");
            rs.next();
            say("in all %.1f statements and %.2f ms of statement time per request%n", rs.getLong(1) / (double) filings,
                    rs.getDouble(2) / filings);
        } catch (SQLException e) {
            say("(no statement statistics: %s)%n", e.getMessage());
        }
    }

    void verify() throws SQLException {
        say("%nCase numbers per tenant and month (unique and gapless when cases = distinct = max serial = "
                + "last_serial and min = 1):%n");
        say("| tenant | month | cases | distinct numbers | min serial | max serial | case_serial.last_serial | gapless |%n");
        say("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |%n");
        String sql = """
                SELECT t.slug, n.month, count(*) AS cases, count(DISTINCT n.serial) AS distinct_numbers,
                       min(n.serial) AS min_serial, max(n.serial) AS max_serial, s.last_serial,
                       count(*) = count(DISTINCT n.serial) AND min(n.serial) = 1 AND max(n.serial) = count(*)
                           AND s.last_serial = count(*) AS gapless
                FROM (SELECT tenant_id, split_part(case_number, '-', 1) AS month,
                             split_part(case_number, '-', 2)::int AS serial FROM complaint) n
                JOIN tenant t ON t.id = n.tenant_id
                LEFT JOIN case_serial s ON s.tenant_id = n.tenant_id AND s.serial_month = n.month
                GROUP BY t.slug, n.month, s.last_serial ORDER BY t.slug, n.month""";
        boolean all = true;
        try (Connection c = admin(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery(sql);
            while (rs.next()) {
                all &= rs.getBoolean(8);
                say("| %s | %s | %d | %d | %d | %d | %d | %s |%n", rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getBoolean(8) ? "yes" : "**NO**");
            }
            rs = s.executeQuery("SELECT (SELECT count(*) FROM complaint), (SELECT count(*) FROM case_event),"
                    + " (SELECT count(*) FROM complaint c WHERE NOT EXISTS (SELECT 1 FROM case_event e"
                    + " WHERE e.complaint_id = c.id))");
            rs.next();
            say("complaints %d, case events %d, complaints without a first event %d%n", rs.getLong(1), rs.getLong(2),
                    rs.getLong(3));
        }
        say("numbers unique and gapless: %s%n", all ? "YES" : "NO");
        if (!all) {
            System.exit(2);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // CPU seconds of the parts (Linux /proc): the portal JVM, PostgreSQL (postmaster and its children), this JVM

    static final double TICKS = 100.0;

    Map<String, Long> cpu() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        if (portalPid > 0) {
            ticks.put("portal", ticksOf(portalPid));
        }
        if (pgPid > 0) {
            ticks.put("postgres", tree(pgPid).stream().mapToLong(FilingBench::ticksOf).sum());
        }
        if (rtPid > 0) {
            // Apache, its workers, mod_fcgid's process manager and the rt-server.fcgi processes; with the CPU of
            // their children that have exited (the mail pipe RT forks for each message its scrips send).
            ticks.put("rt", tree(rtPid).stream().mapToLong(pid -> ticksOf(pid) + childTicksOf(pid)).sum());
        }
        ticks.put("load generator", ticksOf(ProcessHandle.current().pid()));
        // everything else on the machine (another build, a browser…): all busy CPU time minus the above
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // user nice system: processes; irq softirq: interrupts (loopback networking is mostly softirq);
            // steal: the hypervisor ran something else on our virtual cores
            ticks.put("machine", Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]));
            ticks.put("interrupts", Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]));
            ticks.put("steal", Long.parseLong(cpu[8]));
        } catch (Exception e) {
            // not Linux
        }
        return ticks;
    }

    static Map<String, Double> cpuDelta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Double> d = new LinkedHashMap<>();
        after.forEach((k, v) -> d.put(k, (v - before.getOrDefault(k, 0L)) / TICKS));
        if (d.containsKey("machine")) {
            double ours = d.getOrDefault("portal", 0.0) + d.getOrDefault("postgres", 0.0)
                    + d.getOrDefault("rt", 0.0) + d.getOrDefault("load generator", 0.0);
            double interrupts = d.remove("interrupts");
            double steal = d.remove("steal");
            d.put("other processes", Math.max(0, d.remove("machine") - ours));
            d.put("interrupts", interrupts);
            d.put("steal", steal);
        }
        return d;
    }

    static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (Exception e) {
            return null;
        }
    }

    static long ticksOf(long pid) {
        String[] f = stat(pid);
        // after "pid (comm) ": state(0) ppid(1) … utime(11) stime(12)
        return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long childTicksOf(long pid) {
        String[] f = stat(pid);
        // cutime(13) cstime(14): waited-for children that have exited
        return f == null ? 0 : Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    /** The process and all its descendants (one pass over /proc). */
    static List<Long> tree(long root) {
        Map<Long, List<Long>> children = new java.util.HashMap<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) dirs::iterator) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    long pid = Long.parseLong(name);
                    children.computeIfAbsent(parentOf(pid), k -> new ArrayList<>()).add(pid);
                }
            }
        } catch (Exception e) {
            // best effort
        }
        List<Long> all = new ArrayList<>(List.of(root));
        for (int i = 0; i < all.size(); i++) {
            all.addAll(children.getOrDefault(all.get(i), List.of()));
        }
        return all;
    }

    /** Proportional set size in KiB: a page shared by n processes counts 1/n to each, so a tree's sum is fair. */
    static long pssOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            // gone, or not ours to read
        }
        return 0;
    }

    /** Memory (PSS, KiB) of each server's process tree. */
    Map<String, Long> memory() {
        Map<String, Long> m = new LinkedHashMap<>();
        if (portalPid > 0) {
            m.put("portal", tree(portalPid).stream().mapToLong(FilingBench::pssOf).sum());
        }
        if (pgPid > 0) {
            m.put("postgres", tree(pgPid).stream().mapToLong(FilingBench::pssOf).sum());
        }
        if (rtPid > 0) {
            m.put("rt", tree(rtPid).stream().mapToLong(FilingBench::pssOf).sum());
        }
        return m;
    }

    static long parentOf(long pid) {
        String[] f = stat(pid);
        return f == null ? -1 : Long.parseLong(f[1]);
    }

    void say(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        System.out.print(s);
        System.out.flush();
        report.append(s);
    }
}
