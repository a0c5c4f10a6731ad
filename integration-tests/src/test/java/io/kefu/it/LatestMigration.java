package io.kefu.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The version of the newest Flyway migration in the sources, as Flyway names it (V11__x.sql: "11", V12_2__y.sql: "12.2"). */
final class LatestMigration {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)(?:_\\d+)*__.*\\.sql");

    private LatestMigration() {
    }

    static String version() {
        Path migrations = Path.of(System.getProperty("kefu.migrations", "../domain/src/main/resources/db/migration"));
        try (Stream<Path> files = Files.list(migrations)) {
            return files.map(f -> VERSION.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> m.group(0).substring(1, m.group(0).indexOf("__")).replace('_', '.'))
                    .max(LatestMigration::compare).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int left = i < x.length ? Integer.parseInt(x[i]) : 0;
            int right = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (left != right) {
                return Integer.compare(left, right);
            }
        }
        return 0;
    }
}
