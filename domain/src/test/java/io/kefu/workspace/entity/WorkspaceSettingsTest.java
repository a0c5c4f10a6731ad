package io.kefu.workspace.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.problem.KefuException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkspaceSettingsTest {

    @Test
    void acceptsAReadableHexColourInLowerCase() {
        assertEquals("#b91c1c", WorkspaceSettings.colour(" #B91C1C "));
        assertEquals(null, WorkspaceSettings.colour(" "), "blank means Kefu's own colour");
    }

    @Test
    void refusesMalformedColoursAndOnesWhiteTextCannotBeReadOn() {
        for (String bad : new String[] {"red", "#fff", "#12345g", "1d4ed8", "#1d4ed8;}body{"}) {
            KefuException e = assertThrows(KefuException.class, () -> WorkspaceSettings.colour(bad), bad);
            assertEquals("workspace.colour.invalid", e.messageKey());
        }
        KefuException pale = assertThrows(KefuException.class, () -> WorkspaceSettings.colour("#ffff00"));
        assertEquals("workspace.colour.low.contrast", pale.messageKey());
        assertTrue(WorkspaceSettings.contrastWithWhite("#000000") > 20);
    }

    @Test
    void reportsEveryWrongFieldAndChangesNothing() {
        WorkspaceSettings settings = WorkspaceSettings.defaults();
        KefuException e = assertThrows(KefuException.class, () -> settings.change("nope", Set.of(IntakeField.EMAIL),
                9, 0, new WorkspaceSettings.GradePercents(50, 200, null)));
        assertEquals(Set.of("primaryColour", "maxFiles", "maxFileMb", "gradeBPercent", "gradeCPercent"),
                e.fieldFailures().stream().map(KefuException::field).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of(), settings.requiredFields());
        assertEquals(WorkspaceSettings.MAX_FILES, settings.maxFiles());
    }

    @Test
    void limitsAttachmentsAndShortensDeadlinesByGrade() {
        WorkspaceSettings settings = WorkspaceSettings.defaults();
        settings.change("#0f766e", Set.of(IntakeField.LOCATION), 2, 1,
                new WorkspaceSettings.GradePercents(50, 80, 100));
        assertEquals("#0f766e", settings.primaryColour());
        assertEquals(50, settings.deadlinePercent("A"));
        assertEquals(100, settings.deadlinePercent(null));
        settings.checkAttachments(2, 1024 * 1024);
        assertEquals("attachment.too.many",
                assertThrows(KefuException.class, () -> settings.checkAttachments(3, 10)).messageKey());
        assertEquals("workspace.attachment.too.large",
                assertThrows(KefuException.class, () -> settings.checkAttachments(1, 1024 * 1024 + 1)).messageKey());
    }
}
