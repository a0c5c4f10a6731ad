package io.kefu.portal.form;

import io.kefu.callback.entity.CallbackTask;
import io.kefu.compensation.entity.Compensation;
import io.kefu.confidentiality.control.Contact;
import io.kefu.complaint.entity.Attachment;
import io.kefu.complaint.entity.Complaint;
import java.util.List;

/**
 * Everything a printed case shows, gathered once: the case with its history, the names of its category,
 * department and unit in the reader's language (null: none), its files, its callbacks (newest first) and its
 * compensation proposals (in the order proposed); and its contact as this reader may see it (masked below the
 * customer record's level, the unit then too).
 */
public record CaseFile(Complaint complaint, String category, String department, String unit,
        List<Attachment.Summary> attachments, List<CallbackTask> callbacks, List<Compensation> compensations,
        Contact contact) {

    public CaseFile {
        attachments = List.copyOf(attachments);
        callbacks = List.copyOf(callbacks);
        compensations = List.copyOf(compensations);
    }

    /** The callback the case was closed with or is waiting for: the newest. */
    public CallbackTask latestCallback() {
        return callbacks.isEmpty() ? null : callbacks.get(0);
    }
}
