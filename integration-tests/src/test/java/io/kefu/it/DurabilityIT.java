package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No confirmed complaint is lost in a crash. Sixteen clients file for about a minute against the portal as
 * {@code ./run.sh} runs it (its own process, the embedded PostgreSQL default) while the test
 * <ol>
 * <li>kills the portal with SIGKILL and starts it again, and</li>
 * <li>later restarts PostgreSQL under the running portal ("immediate" mode, which is a crash of the database).</li>
 * </ol>
 * Every client retries a request that got no answer (or a 5xx) with the same {@code Idempotency-Key}, as a real
 * client after a timeout would. Afterwards: every filing that got a 201 is in the database exactly once, nothing
 * was filed twice, numbers per tenant and month are unique and without gaps, every case has its first history
 * entry and its photo, and every confirmation mail queued went out, once (by Message-ID) — but for at most the
 * one mail whose sending the SIGKILL cut between the mail server taking it and the database recording it, which
 * goes again under the same Message-ID (exactly once is not possible over SMTP; losing it would be worse).
 */
class DurabilityIT {

    private static final int CLIENTS = 16;
    private static final Duration FILING_TIME = Duration.ofSeconds(60);
    private static final String MARK = "durability-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private PortalNode portal;

    @AfterEach
    void stopPortal() throws InterruptedException {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void everyConfirmedFilingSurvivesAKilledPortalAndARestartedDatabase() throws Exception {
        MailServer.startOnce();
        portal = PortalNode.start(MARK, List.of("-Dkefu.demo.seed=true", "-Dkefu.demo.history=false",
                "-Dkefu.smtp.host=127.0.0.1", "-Dkefu.smtp.port=" + System.getProperty("kefu.it.smtp.port"),
                "-Dkefu.smtp.from=kefu-durability@localhost"));
        Duration firstStart = portal.awaitReady(STARTUP);

        FilingLoad load = new FilingLoad(MARK, portal::uri, portal::pid);
        load.start(CLIENTS);
        Instant begin = Instant.now();

        // Fault 1: the portal dies in the middle of the work (SIGKILL), and is started again.
        load.awaitAcknowledgedSince(Instant.EPOCH, 200, Duration.ofSeconds(30));
        long killedPid = portal.pid();
        int beforeKill = load.acknowledged().size();
        Instant killedAt = Instant.now();
        portal.kill();
        // A mail sent by the killed portal but not yet recorded as sent may go again: only one of these.
        Set<String> mailedBeforeKill = load.messageIds().keySet();
        portal.boot();
        Duration restart = portal.awaitReady(STARTUP);

        // Fault 2: PostgreSQL crashes and restarts under the running portal; the pool must recover by itself.
        load.awaitAcknowledgedSince(killedAt, 200, Duration.ofSeconds(60));
        long survivingPid = portal.pid();
        Instant databaseRestartedAt = Instant.now();
        restartDatabaseImmediately();
        load.awaitAcknowledgedSince(databaseRestartedAt, 200, Duration.ofSeconds(60));

        Duration elapsed = Duration.between(begin, Instant.now());
        if (elapsed.compareTo(FILING_TIME) < 0) {
            Thread.sleep(FILING_TIME.minus(elapsed).toMillis());
        }
        load.stop();

        List<FilingLoad.Acknowledged> acks = load.acknowledged();
        assertTrue(load.refused().isEmpty(), "requests refused with 4xx: " + load.refused());
        long afterDatabaseRestart = acks.stream().filter(a -> a.at().isAfter(databaseRestartedAt)
                && a.epoch() == survivingPid).count();
        assertTrue(afterDatabaseRestart > 0, "the same portal files again after PostgreSQL restarted");

        try (Connection db = connect()) {
            FilingLoad.Report report = load.check(db, acks);
            Duration mailDrained = FilingLoad.awaitMailSent(db, Duration.ofSeconds(90));
            FilingLoad.MailCheck mail = load.checkMail(db, mailedBeforeKill);
            String summary = String.format("%d clients, %s of filing; first start %d s, restart after SIGKILL %d s;"
                    + " acknowledged %d (of which %d before the kill, %d after the database restart, %d answered as"
                    + " replays), retried requests %d; present %d, lost %d, duplicated %d; numbers checked %d in %d"
                    + " tenant-months, gaps %d; cases without history %d, photos missing %d; mails queued %d,"
                    + " delivered %d, delivered twice %d (cut by the SIGKILL between sending and recording: %d),"
                    + " never delivered %d (queue empty %d s after the filing)",
                    CLIENTS, FILING_TIME, firstStart.toSeconds(), restart.toSeconds(), acks.size(), beforeKill,
                    afterDatabaseRestart, acks.stream().filter(FilingLoad.Acknowledged::replayed).count(),
                    load.retries(), report.present(), report.lost(), report.duplicated(), report.numbers(),
                    report.months(), report.gaps(), report.withoutHistory(), report.photosMissing(), mail.queued(),
                    mail.delivered(), mail.twice(), mail.cutByKill(), mail.missing(), mailDrained.toSeconds());
            System.out.println("DurabilityIT: " + summary);
            Files.writeString(portal.dataDir().resolveSibling("report.txt"), summary + "\nkilled portal pid "
                    + killedPid + "\n");

            FilingLoad.assertNothingLost(report, mail, acks.size(), summary);
        }
        portal.close();
        assertFalse(portal.postmaster().map(ProcessHandle::isAlive).orElse(false),
                "a clean stop of the portal stops its PostgreSQL too");
    }

    // ------------------------------------------------------------------------------------------------ the faults

    /**
     * Stops PostgreSQL the hard way (no checkpoint: it recovers from its write-ahead log, as after a power cut) and
     * starts it again on the same port with the same options ({@code postmaster.opts}), by its own {@code pg_ctl}.
     */
    private void restartDatabaseImmediately() throws IOException, InterruptedException {
        ProcessHandle postmaster = portal.postmaster().orElseThrow();
        Path pgCtl = Path.of(postmaster.info().command().orElseThrow()).resolveSibling("pg_ctl");
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses root; zonky runs it in a user namespace of its own (unshare -U), and so do we.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", portal.dataDir().resolve("postgres").toString(), "restart",
                "-m", "immediate", "-w", "-t", "120", "-l", portal.dataDir().resolve("postgres-restarted.log")
                        .toString()));
        Process restart = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(portal.dataDir().resolve("pg_ctl.log").toFile()).start();
        assertTrue(restart.waitFor(150, TimeUnit.SECONDS) && restart.exitValue() == 0,
                "pg_ctl restart, see pg_ctl.log");
    }

    // ------------------------------------------------------------------------------------------------ the checks

    private Connection connect() throws IOException, SQLException {
        Properties secrets = new Properties();
        try (var in = Files.newBufferedReader(portal.dataDir().resolve("postgres.secrets"))) {
            secrets.load(in);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + portal.databasePort() + "/kefu",
                "postgres", secrets.getProperty("superuser"));
    }
}
