package io.kefu.portal.form;

import static io.kefu.export.PdfDocument.FormCell.label;
import static io.kefu.export.PdfDocument.FormCell.value;

import io.kefu.callback.entity.CallbackAttempt;
import io.kefu.callback.entity.CallbackTask;
import io.kefu.complaint.entity.Channel;
import io.kefu.complaint.entity.Complaint;
import io.kefu.export.PdfDocument;
import io.kefu.export.PdfDocument.FormCell;
import java.util.ArrayList;
import java.util.List;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The registration form (《来人来电来访登记表》) as offices keep it on paper: when and how the customer came,
 * who they are, what they said and want, who received it, where it was routed, what came of it, the callback,
 * and the three signature boxes the regulations ask of every form entry (填写人签字, 填写日期, 直接上级主管阅签).
 * Blank (a {@code null} case) for a walk-in to be written by hand, or filled from a case. The same rows make the
 * PDF and the print page.
 */
public final class RegistrationForm {

    /** Six columns: three label/entry pairs a row, the last entry wide enough for an e-mail address. */
    static final float[] WIDTHS = {1.1f, 1.6f, 1.1f, 1.5f, 1.1f, 2.0f};
    /** Tall enough that the blank form fills an A4 page as the paper one does. */
    private static final float CONTENT_HEIGHT = 170;
    private static final float OUTCOME_HEIGHT = 60;
    private static final float RESULT_HEIGHT = 120;
    private static final float SIGNATURE_HEIGHT = 56;
    private static final String CHECKED = "■";
    private static final String UNCHECKED = "□";
    /** The paper form's order: in person, by phone, by letter, online. */
    private static final List<Channel> CHANNELS = List.of(Channel.VISIT, Channel.PHONE, Channel.LETTER, Channel.ONLINE);

    private final CaseFile file;
    private final Wording words;

    private RegistrationForm(CaseFile file, Wording words) {
        this.file = file;
        this.words = words;
    }

    /**
     * The form for {@code file}, or the blank form for {@code null}, in the reader's language and the tenant's zone.
     */
    public static RegistrationForm of(CaseFile file, Locale locale, ZoneId zone) {
        return new RegistrationForm(file, new Wording(locale, zone));
    }

    public String title() {
        return words.text("form.registration.title");
    }

    /** "编号：202611-0042", or a line to write the number on. */
    public String numberLine() {
        return words.text("form.number", file == null ? "______________" : file.complaint().number().toString());
    }

    /** The grid, row by row; each row fills {@link #WIDTHS}' six columns. */
    public List<List<FormCell>> rows() {
        Complaint c = file == null ? null : file.complaint();
        CallbackTask callback = file == null ? null : file.latestCallback();
        CallbackAttempt attempt = callback == null ? null : callback.lastAttempt();
        List<List<FormCell>> rows = new ArrayList<>();
        rows.add(List.of(label(words.text("form.time")), value(c == null ? null : words.at(c.registeredAt()), 1),
                label(words.text("form.channel")), value(channels(c == null ? null : c.channel()), 3)));
        rows.add(List.of(label(words.text("form.person")), value(c == null ? null : person(c), 1),
                label(words.text("form.phone")), value(c == null ? null : file.contact().phone(), 1),
                label(words.text("form.email")), value(c == null ? null : file.contact().email(), 1)));
        rows.add(List.of(label(words.text("form.unit")),
                value(c == null ? null : CaseSheet.join(file.unit(), file.contact().location()), 5)));
        rows.add(List.of(label(words.text("form.kind")), value(c == null ? null : words.named("kind.", c.kind()), 1),
                label(words.text("form.category")), value(file == null ? null : file.category(), 1),
                label(words.text("form.severity")),
                value(c == null ? null : words.named("severity.", c.severity()), 1)));
        rows.add(List.of(label(words.text("form.content")), value(c == null ? null : c.description(), 5)
                .tall(CONTENT_HEIGHT)));
        rows.add(List.of(label(words.text("form.desired")), value(c == null ? null : c.desiredOutcome(), 5)
                .tall(OUTCOME_HEIGHT)));
        rows.add(List.of(label(words.text("form.receiver")), value(c == null ? null : c.registeredBy(), 1),
                label(words.text("form.department")), value(file == null ? null : file.department(), 1),
                label(words.text("form.owner")), value(c == null ? null : c.owner(), 1)));
        rows.add(List.of(label(words.text("form.result")), value(c == null ? null : c.resolution(), 5)
                .tall(RESULT_HEIGHT)));
        rows.add(List.of(label(words.text("form.callback")), value(callbackResult(c, callback), 1),
                label(words.text("form.callback.by")), value(attempt == null ? null : attempt.by(), 1),
                label(words.text("form.callback.at")), value(attempt == null ? null : words.at(attempt.at()), 1)));
        rows.add(signatures(words));
        return rows;
    }

    /**
     * The signature row of every printed form: who filled it in, the date, the direct supervisor's review. Left
     * empty to be signed by hand on paper; Kefu does not sign for anyone.
     */
    static List<FormCell> signatures(Wording words) {
        return List.of(label(words.text("form.signature.writer")), value(null, 1).tall(SIGNATURE_HEIGHT),
                label(words.text("form.signature.date")), value(null, 1).tall(SIGNATURE_HEIGHT),
                label(words.text("form.signature.supervisor")), value(null, 1).tall(SIGNATURE_HEIGHT));
    }

    public byte[] pdf(String tenantName, byte[] logo) {
        return PdfDocument.a4(words.locale(), words.text("report.page"))
                .tenant(tenantName, logo)
                .title(title())
                .subtitle(numberLine())
                .form(null, WIDTHS, rows())
                .render();
    }

    /** Every channel with a box, the case's ticked: on paper the receiver ticks one. */
    private String channels(Channel chosen) {
        List<String> boxes = new ArrayList<>();
        for (Channel channel : CHANNELS) {
            boxes.add((channel == chosen ? CHECKED : UNCHECKED) + " " + words.named("form.channel.", channel));
        }
        return String.join("    ", boxes);
    }

    private String person(Complaint c) {
        return c.anonymous() ? words.text("case.anonymous") : file.contact().name();
    }

    private String callbackResult(Complaint c, CallbackTask callback) {
        if (callback != null && callback.outcome() != null) {
            return words.named("callback.outcome.", callback.outcome());
        }
        return c == null ? null : words.named("callback.outcome.", c.callbackOutcome());
    }
}
