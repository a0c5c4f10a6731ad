package io.kefu.resident.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.resident.control.ResidentList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResidentImportTest {

    @Test
    void aFileOfHugeBadCellsIsReportedWithinTheColumnInsteadOfFailingTheImport() {
        List<ResidentList.Rejection> rejections = new ArrayList<>();
        String hugeCell = "1".repeat(200_000);
        for (int row = 2; row < 3_000; row++) {
            rejections.add(new ResidentList.Rejection(row, "phone", "import.row.phone.invalid", List.of(hugeCell)));
        }
        ResidentImport done = new ResidentImport("big.csv", "huijing.admin", 2_998, Clock.systemUTC());

        done.finish(0, rejections, Clock.systemUTC());

        assertEquals(2_998, done.rejected(), "every refused row is counted");
        List<ResidentList.Rejection> reported = done.rejections();
        assertEquals(ResidentImport.MAX_REPORTED, reported.size());
        assertEquals(2, reported.get(0).row());
        assertTrue(String.valueOf(reported.get(0).arguments().get(0)).length() <= ResidentImport.ARGUMENT_MAXLENGTH,
                "a quoted cell is cut short");
    }

    @Test
    void anImportWhoseNodeDiedIsGivenUpAfterFiveSilentMinutesWithItsOwnReason() {
        Instant start = Instant.parse("2026-12-04T09:00:00Z");
        ResidentImport run = new ResidentImport("units.csv", "huijing.admin", 1_000, at(start));
        run.progress(300, at(start.plus(Duration.ofMinutes(3))));

        assertFalse(run.abandonIfSilent(at(start.plus(Duration.ofMinutes(7)))), "4 minutes after its last report");
        assertEquals(ResidentImport.Status.RUNNING, run.status());

        assertTrue(run.abandonIfSilent(at(start.plus(Duration.ofMinutes(8)))), "5 silent minutes: its node is gone");
        assertEquals(ResidentImport.Status.FAILED, run.status());
        assertEquals(Optional.of(ResidentImport.ABANDONED), run.failure());
        assertEquals(0, run.imported(), "nothing of the file was taken");
        assertEquals(100, run.percent(), "the page's bar ends and shows the outcome");
        assertFalse(run.abandonIfSilent(at(start.plus(Duration.ofHours(1)))), "given up once");
    }

    @Test
    void aLateFinishOfAnImportGivenUpIsRefusedAndKeepsTheReason() {
        Instant start = Instant.parse("2026-12-04T09:00:00Z");
        ResidentImport run = new ResidentImport("units.csv", "huijing.admin", 10, at(start));
        assertTrue(run.abandonIfSilent(at(start.plus(ResidentImport.SILENCE_LIMIT))));

        run.progress(5, at(start.plus(Duration.ofHours(1))));
        assertEquals(100, run.percent(), "a late progress report does not move the bar back");
        assertThrows(IllegalStateException.class, () -> run.finish(10, List.of(), at(start.plus(Duration.ofHours(1)))),
                "its rows must roll back: the import was reported failed with nothing taken");
        run.fail();
        assertEquals(Optional.of(ResidentImport.ABANDONED), run.failure(), "the first reason stays");
    }

    @Test
    void aFinishedImportIsNeverGivenUpAndAFailedOneSaysTheDatabaseFailed() {
        Instant start = Instant.parse("2026-12-04T09:00:00Z");
        ResidentImport done = new ResidentImport("units.csv", "huijing.admin", 10, at(start));
        done.finish(10, List.of(), at(start));
        assertFalse(done.abandonIfSilent(at(start.plus(Duration.ofDays(1)))));
        assertEquals(Optional.empty(), done.failure());

        ResidentImport failed = new ResidentImport("units.csv", "huijing.admin", 10, at(start));
        failed.fail();
        assertEquals(Optional.of(ResidentImport.FAILED), failed.failure());
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
