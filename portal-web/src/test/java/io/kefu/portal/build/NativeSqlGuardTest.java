package io.kefu.portal.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * EclipseLink's tenant discriminator does not filter native SQL. No production source may call
 * {@code createNativeQuery} unless it is listed in {@code .native-sql-allowlist} at the repository root,
 * which a reviewer signs off together with the query's tenant predicate.
 */
class NativeSqlGuardTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

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
                    .filter(p -> read(p).contains("createNativeQuery"))
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
