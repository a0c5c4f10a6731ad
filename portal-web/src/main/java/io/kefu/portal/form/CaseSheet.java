package io.kefu.portal.form;

import static io.kefu.export.PdfDocument.FormCell.label;
import static io.kefu.export.PdfDocument.FormCell.value;

import io.kefu.callback.entity.CallbackAttempt;
import io.kefu.callback.entity.CallbackTask;
import io.kefu.compensation.entity.Amount;
import io.kefu.compensation.entity.Compensation;
import io.kefu.complaint.entity.Attachment;
import io.kefu.complaint.entity.CaseEvent;
import io.kefu.complaint.entity.Complaint;
import io.kefu.export.PdfDocument;
import io.kefu.export.PdfDocument.FormCell;
import io.kefu.portal.i18n.EventText;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The case sheet (案件单): the case's facts, its whole history as it was written, its files, its callbacks and
 * the signature boxes, for the file or for a supervisor to sign. Staff only, so internal notes are included
 * (marked). The same parts make the PDF and the print page.
 */
public final class CaseSheet {

    /** One part of the sheet, printed under its heading: a ruled grid of labelled boxes, or a listing. */
    public sealed interface Part permits Grid, Listing {

        String heading();

        /** For the print page, which draws the two kinds differently. */
        default boolean isGrid() {
            return this instanceof Grid;
        }
    }

    public record Grid(String heading, float[] widths, List<List<FormCell>> rows) implements Part {
    }

    /** A table with a header row; {@code noRows} is what it says when it has no rows. */
    public record Listing(String heading, List<String> columns, List<List<String>> rows, String noRows)
            implements Part {
    }

    private static final float TEXT_HEIGHT = 60;
    private static final double KILOBYTE = 1024;

    private final CaseFile file;
    private final Wording words;

    private CaseSheet(CaseFile file, Wording words) {
        this.file = file;
        this.words = words;
    }

    public static CaseSheet of(CaseFile file, Locale locale, ZoneId zone) {
        return new CaseSheet(file, new Wording(locale, zone));
    }

    public String title() {
        return words.text("form.sheet.title");
    }

    public String numberLine() {
        return words.text("form.number", file.complaint().number().toString());
    }

    /** The sheet from top to bottom. */
    public List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        parts.add(facts());
        parts.add(history());
        parts.add(attachments());
        parts.add(callbacks());
        parts.add(compensations());
        parts.add(new Grid(words.text("form.sheet.signatures"), RegistrationForm.WIDTHS,
                List.of(RegistrationForm.signatures(words))));
        return parts;
    }

    public byte[] pdf(String tenantName, byte[] logo) {
        PdfDocument pdf = PdfDocument.a4(words.locale(), words.text("report.page"))
                .tenant(tenantName, logo)
                .title(title())
                .subtitle(numberLine());
        for (Part part : parts()) {
            if (part instanceof Grid grid) {
                pdf.form(grid.heading(), grid.widths(), grid.rows());
            } else if (part instanceof Listing listing) {
                pdf.noRows(listing.noRows()).table(listing.heading(), listing.columns(), listing.rows());
            }
        }
        return pdf.render();
    }

    private Grid facts() {
        Complaint c = file.complaint();
        List<List<FormCell>> rows = List.of(
                List.of(label(words.text("form.sheet.status")), value(words.named("status.", c.status()), 1),
                        label(words.text("form.time")), value(words.at(c.registeredAt()), 1),
                        label(words.text("form.channel")), value(words.named("form.channel.", c.channel()), 1)),
                List.of(label(words.text("form.person")), value(c.anonymous() ? words.text("case.anonymous")
                                : file.contact().name(), 1),
                        label(words.text("form.phone")), value(file.contact().phone(), 1),
                        label(words.text("form.email")), value(file.contact().email(), 1)),
                List.of(label(words.text("form.unit")), value(join(file.unit(), file.contact().location()), 5)),
                List.of(label(words.text("form.kind")), value(words.named("kind.", c.kind()), 1),
                        label(words.text("form.category")), value(file.category(), 1),
                        label(words.text("form.severity")), value(words.named("severity.", c.severity()), 1)),
                List.of(label(words.text("form.content")), value(c.description(), 5).tall(TEXT_HEIGHT)),
                List.of(label(words.text("form.desired")), value(c.desiredOutcome(), 5)),
                List.of(label(words.text("form.receiver")), value(c.registeredBy(), 1),
                        label(words.text("form.department")), value(file.department(), 1),
                        label(words.text("form.owner")), value(c.owner(), 1)),
                List.of(label(words.text("form.due")), value(words.at(c.resolutionDue()), 1),
                        label(words.text("form.sheet.resolvedAt")), value(words.at(c.resolvedAt()), 1),
                        label(words.text("form.callback")), value(words.named("callback.outcome.",
                                c.callbackOutcome()), 1)),
                List.of(label(words.text("form.result")), value(c.resolution(), 5).tall(TEXT_HEIGHT)));
        return new Grid(words.text("form.sheet.facts"), RegistrationForm.WIDTHS, rows);
    }

    private Listing history() {
        List<List<String>> rows = new ArrayList<>();
        for (CaseEvent event : file.complaint().history()) {
            String step = words.text("event." + event.action())
                    + (event.isPublic() ? "" : " · " + words.text("case.internal"));
            rows.add(List.of(words.at(event.at().toInstant()), event.actor(), step,
                    nullToEmpty(EventText.of(words.locale(), event.action(), event.text()))));
        }
        return new Listing(words.text("form.sheet.history"), List.of(words.text("form.sheet.at"),
                words.text("form.sheet.actor"), words.text("form.sheet.step"), words.text("form.sheet.details")),
                rows, words.text("form.sheet.none"));
    }

    private Listing attachments() {
        NumberFormat size = NumberFormat.getNumberInstance(words.locale());
        size.setMaximumFractionDigits(1);
        List<List<String>> rows = new ArrayList<>();
        for (Attachment.Summary attachment : file.attachments()) {
            rows.add(List.of(String.valueOf(attachment.seq()), attachment.fileName(), attachment.mediaType(),
                    size.format(attachment.size() / KILOBYTE) + " KB", words.at(attachment.uploadedAt().toInstant())));
        }
        return new Listing(words.text("form.sheet.attachments"), List.of("#", words.text("form.sheet.fileName"),
                words.text("form.sheet.fileType"), words.text("form.sheet.fileSize"), words.text("form.sheet.at")),
                rows, words.text("form.sheet.none"));
    }

    /** Every attempt of every callback, oldest first as the history reads. */
    private Listing callbacks() {
        List<List<String>> rows = new ArrayList<>();
        List<CallbackTask> oldestFirst = new ArrayList<>(file.callbacks());
        Collections.reverse(oldestFirst);
        for (CallbackTask task : oldestFirst) {
            for (CallbackAttempt attempt : task.attempts()) {
                rows.add(List.of(words.at(attempt.at()), attempt.by(), words.named("callback.method.",
                                attempt.method()),
                        attempt.reached() ? words.named("callback.satisfaction.", attempt.satisfaction())
                                : words.text("callback.unreached"),
                        attempt.score() == null ? "" : attempt.score() + "/5", nullToEmpty(attempt.comment())));
            }
        }
        return new Listing(words.text("form.sheet.callbacks"), List.of(words.text("form.sheet.at"),
                words.text("form.callback.by"), words.text("callback.method"), words.text("form.callback"),
                words.text("form.sheet.score"), words.text("form.sheet.comment")), rows,
                words.text("form.sheet.none"));
    }

    /** Every proposal with who proposed it and how it was decided: the approval by authority (核决) on paper. */
    private Listing compensations() {
        List<List<String>> rows = new ArrayList<>();
        for (Compensation proposal : file.compensations()) {
            StringBuilder decision = new StringBuilder(words.named("compensation.state.", proposal.state()));
            if (proposal.decidedBy() != null) {
                decision.append(" · ").append(proposal.decidedBy()).append(' ').append(words.at(proposal.decidedAt()));
            }
            if (proposal.decisionNote() != null) {
                decision.append(" · ").append(proposal.decisionNote());
            }
            rows.add(List.of(String.valueOf(proposal.seq()), words.named("compensation.type.", proposal.type()),
                    Amount.format(proposal.amountFen()), nullToEmpty(proposal.reason()),
                    proposal.proposedBy() + " " + words.at(proposal.proposedAt()), decision.toString()));
        }
        return new Listing(words.text("compensation.title"), List.of("#", words.text("compensation.type"),
                words.text("compensation.amount"), words.text("compensation.reason"),
                words.text("compensation.proposedBy"), words.text("form.sheet.decision")), rows,
                words.text("form.sheet.none"));
    }

    static String join(String unit, String location) {
        String place = location == null ? "" : location;
        if (unit == null || unit.equals(place)) {
            return place;
        }
        return place.isEmpty() ? unit : unit + " · " + place;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
