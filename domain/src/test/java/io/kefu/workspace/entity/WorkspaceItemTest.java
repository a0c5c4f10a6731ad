package io.kefu.workspace.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.i18n.LocalizedName;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import org.junit.jupiter.api.Test;

class WorkspaceItemTest {

    private final Department engineering =
            new Department(new Code("engineering"), new LocalizedName("工程部", "Engineering"));

    @Test
    void renamesWhenTheEditorSawTheCurrentVersion() {
        engineering.rename(new LocalizedName("工程维修部", "Engineering and Repairs"), engineering.version());
        assertEquals("工程维修部", engineering.name().zh());
    }

    @Test
    void refusesARenameBasedOnAnOlderVersion() {
        KefuException e = assertThrows(KefuException.class,
                () -> engineering.rename(new LocalizedName("旧", "Stale"), engineering.version() - 1));
        assertEquals(Failure.CONFLICT, e.failure());
        assertEquals("Engineering", engineering.name().en(), "nothing changed");
    }

    @Test
    void retiresInsteadOfDeleting() {
        engineering.retire();
        assertFalse(engineering.isActive());
    }
}
