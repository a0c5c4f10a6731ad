package io.kefu.portal.form;

import io.kefu.export.PdfDocument;
import io.kefu.export.PdfDocument.FormCell;
import io.kefu.handover.entity.Handover;
import io.kefu.handover.entity.HandoverAck;
import io.kefu.handover.entity.HandoverEntry;
import io.kefu.handover.entity.HandoverItem;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A hand-over printed (交接班记录): who handed which shift to which, the lines kept with their remarks, equipment
 * problems and notes, the entries added later, and who acknowledged when. The same parts make the PDF and the print
 * page, like the case sheet.
 */
public final class HandoverSheet {

    private static final float[] WIDTHS = {1, 2, 1, 2};

    private final Handover handover;
    private final List<HandoverEntry> entries;
    private final List<HandoverAck> acks;
    private final Wording words;

    private HandoverSheet(Handover handover, List<HandoverEntry> entries, List<HandoverAck> acks, Wording words) {
        this.handover = handover;
        this.entries = entries;
        this.acks = acks;
        this.words = words;
    }

    public static HandoverSheet of(Handover handover, List<HandoverEntry> entries, List<HandoverAck> acks,
            Locale locale, ZoneId zone) {
        return new HandoverSheet(handover, entries, acks, new Wording(locale, zone));
    }

    public String title() {
        return words.text("handover.sheet.title");
    }

    public String numberLine() {
        return words.text("handover.sheet.ref", handover.ref());
    }

    public List<CaseSheet.Part> parts() {
        List<CaseSheet.Part> parts = new ArrayList<>();
        parts.add(new CaseSheet.Grid(words.text("handover.sheet.facts"), WIDTHS, List.of(
                List.of(FormCell.label(words.text("handover.author")), FormCell.value(handover.author(), 1),
                        FormCell.label(words.text("handover.submitted")),
                        FormCell.value(words.at(handover.submittedAt()), 1)),
                List.of(FormCell.label(words.text("handover.shift")), FormCell.value(handover.shiftName() + " "
                        + words.at(handover.shiftWindow().start()) + " – " + words.at(handover.shiftWindow().end()), 1),
                        FormCell.label(words.text("handover.next")), FormCell.value(handover.nextName() + " "
                        + words.at(handover.nextWindow().start()) + " – " + words.at(handover.nextWindow().end()), 1)),
                List.of(FormCell.label(words.text("handover.equipment")),
                        FormCell.value(orNone(handover.equipment()), 3).tall(40)),
                List.of(FormCell.label(words.text("handover.notes")),
                        FormCell.value(orNone(handover.notes()), 3).tall(40)))));
        List<List<String>> lines = new ArrayList<>();
        for (HandoverItem item : handover.items()) {
            lines.add(List.of(words.named("handover.section.", item.section()), item.subject(), item.summary(),
                    words.at(item.dueAt()), item.remark() == null ? "" : item.remark()));
        }
        parts.add(new CaseSheet.Listing(words.text("handover.items"), List.of(words.text("handover.section"),
                words.text("handover.subject"), words.text("handover.summary"), words.text("handover.due"),
                words.text("handover.remark")), lines, words.text("handover.items.none")));
        parts.add(new CaseSheet.Listing(words.text("handover.entries"), List.of(words.text("handover.entry.author"),
                words.text("handover.entry.at"), words.text("handover.entry.text")), entries.stream()
                .map(e -> List.of(e.author(), words.at(e.writtenAt()), e.text())).toList(),
                words.text("handover.entries.none")));
        parts.add(new CaseSheet.Listing(words.text("handover.acks"), List.of(words.text("handover.ack.who"),
                words.text("handover.ack.at")), acks.stream().map(a -> List.of(a.username(), words.at(a.ackedAt())))
                .toList(), words.text("handover.acks.none")));
        return parts;
    }

    /** A grid's column widths as percentages, for the print page's {@code col} elements. */
    public static List<String> widths(CaseSheet.Grid grid) {
        return PrintPages.percentages(grid.widths());
    }

    private String orNone(String text) {
        return text == null || text.isBlank() ? words.text("handover.none") : text;
    }

    public byte[] pdf(String tenantName, byte[] logo) {
        PdfDocument pdf = PdfDocument.a4(words.locale(), words.text("report.page")).tenant(tenantName, logo)
                .title(title()).subtitle(numberLine());
        for (CaseSheet.Part part : parts()) {
            if (part instanceof CaseSheet.Grid grid) {
                pdf.form(grid.heading(), grid.widths(), grid.rows());
            } else if (part instanceof CaseSheet.Listing listing) {
                pdf.noRows(listing.noRows()).table(listing.heading(), listing.columns(), listing.rows());
            }
        }
        return pdf.render();
    }
}
