import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reports of one large tenant through the REST API, as its supervisor, one client: each call named on the
 * command line (--call "label=METHOD /path-after-/api/v1/tenants/{tenant}") is made W times to warm up and N times
 * measured; prints p50/p99/max, the response size, and the portal's resident memory (VmRSS) before and after and
 * its peak (VmHWM). A call answering anything but 2xx stops the run: a benchmark of errors measures nothing.
 *
 * Single-file program, no build: java bench/java/ReportsBench.java --help
 * bench/reports.sh generates the data, starts PostgreSQL and the portal and runs it.
 */
public class ReportsBench {

    /** A call; {@code times} overrides --requests for it ("label [3]=GET …": a heavy export a few times only). */
    record Call(String label, String method, String path, Integer times) {
        static Call parse(String spec) {
            int eq = spec.indexOf('=');
            String label = spec.substring(0, eq).trim();
            String[] how = spec.substring(eq + 1).trim().split(" ", 2);
            java.util.regex.Matcher counted = java.util.regex.Pattern.compile("(.*) \\[(\\d+)]$").matcher(label);
            return counted.matches() ? new Call(counted.group(1), how[0], how[1], Integer.valueOf(counted.group(2)))
                    : new Call(label, how[0], how[1], null);
        }
    }

    final String base;
    final String tenant;
    final String user;
    final String password;
    final int requests;
    final int warmup;
    final String label;
    final long portalPid;
    final Path out;
    final List<Call> calls = new ArrayList<>();
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    ReportsBench(Map<String, List<String>> o) {
        base = one(o, "base", "http://127.0.0.1:8089");
        tenant = one(o, "tenant", "huijing-property");
        user = one(o, "user", "huijing.supervisor");
        password = one(o, "password", "kefu-demo-2026");
        requests = Integer.parseInt(one(o, "requests", "20"));
        warmup = Integer.parseInt(one(o, "warmup", "3"));
        label = one(o, "label", "");
        portalPid = Long.parseLong(one(o, "portal-pid", "0"));
        out = o.containsKey("out") ? Path.of(one(o, "out", "")) : null;
        o.getOrDefault("call", List.of()).forEach(spec -> calls.add(Call.parse(spec)));
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help")) {
                System.out.println("java bench/java/ReportsBench.java --base URL --tenant SLUG --user U --password P "
                        + "--requests N --warmup W --label TEXT --portal-pid PID --out FILE "
                        + "--call 'label=GET /reports/figures?from=2026-11-01&to=2026-11-30' …");
                return;
            }
            options.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
        new ReportsBench(options).run();
    }

    void run() throws Exception {
        StringBuilder report = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-52s %8s %9s %9s %9s %10s", "call (" + label + ")", "n",
                "p50 ms", "p99 ms", "max ms", "bytes");
        report.append(header).append('\n');
        System.out.println(header);
        long rssBefore = memory("VmRSS");
        for (Call call : calls) {
            int n = call.times() == null ? requests : call.times();
            for (int i = 0; i < Math.min(warmup, n); i++) {
                send(call);
            }
            long[] times = new long[n];
            long bytes = 0;
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                bytes = send(call);
                times[i] = System.nanoTime() - start;
            }
            Arrays.sort(times);
            String line = String.format(Locale.ROOT, "%-52s %8d %9.1f %9.1f %9.1f %10d", call.label(), n,
                    ms(times[(int) Math.floor(0.50 * (n - 1))]), ms(times[(int) Math.ceil(0.99 * (n - 1))]),
                    ms(times[n - 1]), bytes);
            report.append(line).append('\n');
            System.out.println(line);
        }
        String memory = String.format(Locale.ROOT, "portal memory: RSS %d MB before, %d MB after, peak %d MB",
                rssBefore / 1024, memory("VmRSS") / 1024, memory("VmHWM") / 1024);
        report.append(memory).append('\n');
        System.out.println(memory);
        if (out != null) {
            Files.writeString(out, report.toString());
        }
    }

    /** Makes the call; returns the size of the answer. */
    long send(Call call) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/" + tenant + call.path()))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Accept", "*/*")
                .method(call.method(), call.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(call.label() + ": HTTP " + response.statusCode() + " "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response.body().length;
    }

    /** A line of /proc/{pid}/status in kB, 0 without a pid. */
    long memory(String field) throws Exception {
        if (portalPid == 0) {
            return 0;
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + portalPid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    static String one(Map<String, List<String>> o, String key, String otherwise) {
        List<String> values = o.get(key);
        return values == null ? otherwise : values.get(values.size() - 1);
    }
}
