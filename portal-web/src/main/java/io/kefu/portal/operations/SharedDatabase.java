package io.kefu.portal.operations;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one PostgreSQL that the nodes of {@code ./run.sh --cluster} share: the embedded server of a single node
 * ({@link EmbeddedDatabase}, same durability settings, same passwords file) started in a process of its own,
 * because a node's embedded server lives and dies with that node and the other could not reach it then.
 *
 * <p>Run from the exploded war's classes: {@code java -cp 'portal-web/target/ROOT/WEB-INF/classes:…/lib/*'
 * io.kefu.portal.operations.SharedDatabase <home> <connection-file>}. It writes the JDBC address, role and password
 * into the connection file (owner-readable only; run.sh hands them to the nodes as {@code KEFU_DB_URL},
 * {@code KEFU_DB_USER}, {@code KEFU_DB_PASSWORD}) and then waits; SIGTERM stops PostgreSQL through zonky's
 * shutdown hook.
 */
public final class SharedDatabase {

    private SharedDatabase() {
    }

    public static void main(String[] args) throws IOException, SQLException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: SharedDatabase <data-home> <connection-file>");
            System.exit(2);
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
        PGSimpleDataSource source = (PGSimpleDataSource) database.dataSource();
        String url = "jdbc:postgresql://127.0.0.1:" + source.getPortNumbers()[0] + "/" + source.getDatabaseName();
        writeOwnerOnly(Path.of(args[1]), "KEFU_DB_URL=" + url + "\nKEFU_DB_USER=" + source.getUser()
                + "\nKEFU_DB_PASSWORD=" + source.getPassword() + "\n");
        System.out.println("Shared PostgreSQL ready: " + url);
        Thread.currentThread().join();
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path written = Files.createTempFile(parent, "connection", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(written, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(text);
        }
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
