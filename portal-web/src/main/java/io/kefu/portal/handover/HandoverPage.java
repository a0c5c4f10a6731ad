package io.kefu.portal.handover;

import io.kefu.complaint.entity.Actor;
import io.kefu.faces.FacesFailures;
import io.kefu.handover.boundary.Handovers;
import io.kefu.handover.boundary.Shifts;
import io.kefu.handover.entity.Handover;
import io.kefu.handover.entity.HandoverItem;
import io.kefu.handover.entity.Shift;
import io.kefu.portal.complaint.CallerActor;
import io.kefu.portal.form.CaseSheet;
import io.kefu.portal.form.HandoverSheet;
import io.kefu.portal.form.HandoverSheets;
import io.kefu.portal.i18n.LocaleSelection;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-over page (/t/{tenant}/staff/handover): without {@code ref} the caller's hand-over to write, prefilled
 * with exactly their open items (lines to keep or drop, each with a remark; equipment problems and notes); with
 * {@code ref} a submitted hand-over to read, print, acknowledge and add to. View-scoped: the prefill stays as
 * the author edits it.
 */
@Named
@ViewScoped
public class HandoverPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A prefilled line as the author edits it. */
    public static class Line implements Serializable {

        private static final long serialVersionUID = 1L;
        private final HandoverItem.Item item;
        private boolean keep = true;
        private String remark;

        Line(HandoverItem.Item item) {
            this.item = item;
        }

        public HandoverItem.Item getItem() {
            return item;
        }

        public boolean isKeep() {
            return keep;
        }

        public void setKeep(boolean keep) {
            this.keep = keep;
        }

        public String getRemark() {
            return remark;
        }

        public void setRemark(String remark) {
            this.remark = remark;
        }
    }

    @Inject
    Handovers handovers;

    @Inject
    Shifts shifts;

    @Inject
    HandoverSheets sheets;

    @Inject
    CallerActor caller;

    @Inject
    LocaleSelection language;

    @Inject
    CurrentTenant tenant;

    private String ref;
    private boolean submitted;
    private String author;
    private boolean acknowledged;
    private String entry;

    private Handovers.Draft draft;
    private List<Line> lines = new ArrayList<>();
    private String shift;
    private String equipment;
    private String notes;
    private String problem;

    public void load() throws IOException {
        Actor actor = caller.get();
        if (ref != null && !ref.isBlank()) {
            Handover h = handovers.find(ref).orElse(null);
            if (h == null) {
                FacesContext faces = FacesContext.getCurrentInstance();
                faces.getExternalContext().responseSendError(404, "");
                faces.responseComplete();
                return;
            }
            submitted = true;
            author = h.author();
            acknowledged = handovers.acknowledgements(h).stream().anyMatch(a -> a.username().equals(actor.username()));
            return;
        }
        prefill(actor);
    }

    private void prefill(Actor actor) {
        try {
            draft = handovers.draft(actor.username(), shift);
            lines = new ArrayList<>(draft.items().stream().map(Line::new).toList());
            problem = null;
        } catch (KefuException e) {
            draft = null;
            problem = FacesFailures.text(FacesContext.getCurrentInstance(), e.messageKey(), e.arguments());
        }
    }

    /** The caller without a shift chose one: the prefill is made again for it. */
    public void choose() {
        prefill(caller.get());
    }

    public String submit() {
        List<Handovers.Keep> kept = lines.stream().filter(Line::isKeep)
                .map(l -> new Handovers.Keep(l.item.subject(), l.remark)).toList();
        try {
            Handover h = handovers.submit(caller.get().username(), shift, kept, equipment, notes);
            return "handover?faces-redirect=true&ref=" + h.ref();
        } catch (KefuException e) {
            FacesFailures.show(e, "handover");
            return null;
        }
    }

    public void acknowledge() {
        handovers.acknowledge(ref, caller.get().username());
        acknowledged = true;
        FacesFailures.info("handover.acknowledged");
    }

    public void addEntry() {
        handovers.addEntry(ref, caller.get(), entry);
        entry = null;
        FacesFailures.info("handover.entry.added");
    }

    /** The submitted hand-over as the print page and the PDF show it, read again for each render. */
    public HandoverSheet getSheet() {
        return sheets.find(ref, language.getLocale()).orElse(null);
    }

    public List<String> widths(CaseSheet.Grid grid) {
        return HandoverSheet.widths(grid);
    }

    public String getPdfUrl() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/tenants/"
                + tenant.get().slug().value() + "/handovers/" + ref + "/handover.pdf?lang="
                + language.getLocale().toLanguageTag();
    }

    public boolean isMayAcknowledge() {
        return submitted && !acknowledged && !caller.get().username().equals(author);
    }

    public boolean isMayAdd() {
        Actor actor = caller.get();
        return submitted && (actor.supervisor() || actor.username().equals(author));
    }

    public List<Shift> getShifts() {
        return shifts.all();
    }

    public String getRef() {
        return ref;
    }

    public void setRef(String ref) {
        this.ref = ref;
    }

    public boolean isSubmitted() {
        return submitted;
    }

    public boolean isAcknowledged() {
        return acknowledged;
    }

    public Handovers.Draft getDraft() {
        return draft;
    }

    public List<Line> getLines() {
        return lines;
    }

    public String getShift() {
        return shift;
    }

    public void setShift(String shift) {
        this.shift = shift;
    }

    public String getEquipment() {
        return equipment;
    }

    public void setEquipment(String equipment) {
        this.equipment = equipment;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getEntry() {
        return entry;
    }

    public void setEntry(String entry) {
        this.entry = entry;
    }

    public String getProblem() {
        return problem;
    }
}
