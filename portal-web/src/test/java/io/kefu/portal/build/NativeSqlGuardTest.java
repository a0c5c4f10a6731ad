package io.kefu.portal.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * EclipseLink's tenant discriminator does not filter native SQL, nor anything done on a raw JDBC connection.
 * No production source may use native queries or JDBC connections unless it is listed in
 * {@code .native-sql-allowlist} at the repository root, which a reviewer signs off together with the tenant
 * predicate of every statement (or the fact that it touches no tenant data).
 */
class NativeSqlGuardTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> RAW_SQL = List.of("createNativeQuery", "NamedNativeQuery",
            "createStoredProcedureQuery", "unwrap(Connection", "unwrap(java.sql.Connection", ".getConnection(");

    @Test
    void nativeQueriesOnlyInReviewedPlaces() throws IOException {
        Path allowFile = ROOT.resolve(".native-sql-allowlist");
        Set<String> allowed = Files.exists(allowFile) ? Files.readAllLines(allowFile).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(Collectors.toSet()) : Set.of();
        Set<String> offenders = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")
                    && !p.toString().contains("/target/"))
                    .filter(p -> RAW_SQL.stream().anyMatch(read(p)::contains))
                    .map(p -> ROOT.relativize(p).toString())
                    .filter(p -> !allowed.contains(p))
                    .forEach(offenders::add);
        }
        assertEquals(Set.of(), offenders, "native SQL outside .native-sql-allowlist");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
