package io.kefu.resident.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.resident.control.ResidentList;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
}
