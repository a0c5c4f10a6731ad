package io.kefu.portal.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Row-level security shows every transaction its own tenant's rows only; a reach across tenants
 * ({@code TenantPersistence.reach(Reach.X)}) widens that for one transaction. Which production sources open which
 * reach is reviewed: exactly the pairs listed in {@code .cross-tenant-allowlist} at the repository root, no
 * more (a new way across tenants needs a sign-off) and no fewer (a stale entry would hide one later).
 */
class CrossTenantReachGuardTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern REACH = Pattern.compile("\\bReach\\.([A-Z_]+)\\b");
    /** Where reaches are defined and applied, not opened. */
    private static final Set<String> MECHANISM = Set.of("Reach.java", "TenantPersistence.java");

    @Test
    void reachesAcrossTenantsOnlyInReviewedPlaces() throws IOException {
        Set<String> allowed = Files.readAllLines(ROOT.resolve(".cross-tenant-allowlist")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.replaceAll("\\s+", " ")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> opened = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")
                    && !p.toString().contains("/target/") && !MECHANISM.contains(p.getFileName().toString()))
                    .forEach(p -> {
                        Matcher matcher = REACH.matcher(read(p));
                        while (matcher.find()) {
                            opened.add(ROOT.relativize(p) + " " + matcher.group(1));
                        }
                    });
        }
        assertEquals(allowed, opened, "reaches across tenants differ from .cross-tenant-allowlist");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
