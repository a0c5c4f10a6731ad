package io.kefu.portal.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path home;

    @Test
    void aStaleLockFileOfAnotherProcessIsRemovedWithoutTouchingThatProcess() throws IOException {
        Path data = Files.createDirectories(home.resolve("postgres"));
        // After a reboot the pid in the lock file may belong to anything, here: this test's own JVM.
        Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");
        EmbeddedDatabase.stopOrphan(data);
        assertFalse(Files.exists(data.resolve("postmaster.pid")), "the stale lock file is gone");
        assertTrue(ProcessHandle.current().isAlive());
        assertFalse(EmbeddedDatabase.servesFolder(ProcessHandle.current(), data), "a JVM is no PostgreSQL");
    }

    @Test
    void aLockFileOfAProcessThatIsGoneIsRemoved() throws IOException {
        Path data = Files.createDirectories(home.resolve("postgres"));
        Files.writeString(data.resolve("postmaster.pid"), "not-a-pid\n");
        EmbeddedDatabase.stopOrphan(data);
        assertFalse(Files.exists(data.resolve("postmaster.pid")));
        EmbeddedDatabase.stopOrphan(data);
    }

    @Test
    void passwordsAreMadeOnceAndReadableByTheOwnerOnly() throws IOException {
        Path file = home.resolve("postgres.secrets");
        EmbeddedDatabase.Secrets made = EmbeddedDatabase.Secrets.readOrCreate(file);
        assertEquals(made, EmbeddedDatabase.Secrets.readOrCreate(file), "the same passwords on the next start");
        assertTrue(made.superuser().length() >= 32 && made.application().length() >= 32);
        assertTrue(made.superuser().matches("[A-Za-z0-9_-]+"), "no quoting needed in SQL");
        assertEquals(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
    }
}
