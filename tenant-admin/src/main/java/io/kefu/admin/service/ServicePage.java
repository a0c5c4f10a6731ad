package io.kefu.admin.service;

import io.kefu.complaint.boundary.ServiceLevels;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.ServiceLevel;
import io.kefu.complaint.entity.Severity;
import io.kefu.complaint.entity.SlaPolicy;
import io.kefu.deadline.boundary.Calendars;
import io.kefu.faces.FacesFailures;
import io.kefu.phrase.boundary.ServiceLanguage;
import io.kefu.phrase.entity.CannedReply;
import io.kefu.phrase.entity.PhraseRule;
import io.kefu.problem.KefuException;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.Category;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Deadlines and service language (/t/{tenant}/admin/service): the first-response and resolution deadline of
 * every kind × severity in working minutes, the forbidden phrases replies are checked against, and the canned
 * replies staff start from.
 */
@Named
@ViewScoped
public class ServicePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ServiceLevels serviceLevels;

    @Inject
    Calendars calendars;

    @Inject
    ServiceLanguage language;

    @Inject
    Workspace workspace;


    /** One row of the deadline table, editable. */
    public static class LevelRow implements Serializable {

        private static final long serialVersionUID = 1L;
        private final CaseKind kind;
        private final Severity severity;
        private int firstResponseMinutes;
        private int resolutionMinutes;

        LevelRow(CaseKind kind, Severity severity, ServiceLevel level) {
            this.kind = kind;
            this.severity = severity;
            this.firstResponseMinutes = (int) level.firstResponse().toMinutes();
            this.resolutionMinutes = (int) level.resolution().toMinutes();
        }

        public CaseKind getKind() {
            return kind;
        }

        public Severity getSeverity() {
            return severity;
        }

        public int getFirstResponseMinutes() {
            return firstResponseMinutes;
        }

        public void setFirstResponseMinutes(int firstResponseMinutes) {
            this.firstResponseMinutes = firstResponseMinutes;
        }

        public int getResolutionMinutes() {
            return resolutionMinutes;
        }

        public void setResolutionMinutes(int resolutionMinutes) {
            this.resolutionMinutes = resolutionMinutes;
        }
    }

    private List<LevelRow> levels;
    private long workingDayMinutes;
    private String phrase;
    private String suggestion;
    private String cannedTitle;
    private String cannedCategory;
    private String cannedBody;
    /** The rows as rendered: a remove button acts on the row it was shown on, whatever others did since. */
    private transient List<PhraseRule> phrases;
    private transient List<CannedReply> cannedReplies;

    @Inject
    Office office;

    /** How long before a promised reply time its owner is reminded (告知答复时间), and the settings' version. */
    private Integer promiseMinutes;
    private long officeVersion;

    @PostConstruct
    void load() {
        var officeSettings = office.settings();
        promiseMinutes = officeSettings.promiseReminderMinutes();
        officeVersion = officeSettings.version();
        var calendar = calendars.calendar();
        workingDayMinutes = calendar.workingDay().toMinutes();
        SlaPolicy policy = serviceLevels.policy(calendar);
        levels = new ArrayList<>();
        for (CaseKind kind : CaseKind.values()) {
            for (Severity severity : Severity.values()) {
                levels.add(new LevelRow(kind, severity, policy.levelFor(kind, severity)));
            }
        }
    }

    public void saveLevel(LevelRow row) {
        try {
            serviceLevels.change(row.kind, row.severity, row.firstResponseMinutes, row.resolutionMinutes);
            FacesFailures.info("admin.saved");
        } catch (KefuException e) {
            FacesFailures.show(e, null);
        }
        load();
    }

    public void savePromiseReminder() {
        office.changePromiseReminder(promiseMinutes, officeVersion);
        FacesFailures.info("admin.saved");
        load();
    }

    public Integer getPromiseMinutes() {
        return promiseMinutes;
    }

    public void setPromiseMinutes(Integer promiseMinutes) {
        this.promiseMinutes = promiseMinutes;
    }

    public void addPhrase() {
        language.addPhrase(phrase, suggestion);
        phrases = null;
        phrase = null;
        suggestion = null;
        FacesFailures.info("admin.saved");
    }

    public void removePhrase(PhraseRule rule) {
        language.removePhrase(rule.phrase());
        phrases = null;
    }

    public void addCannedReply() {
        language.addCannedReply(cannedCategory, cannedTitle, cannedBody);
        cannedReplies = null;
        cannedTitle = null;
        cannedBody = null;
        cannedCategory = null;
        FacesFailures.info("admin.saved");
    }

    public void removeCannedReply(CannedReply reply) {
        language.removeCannedReply(reply.title());
        cannedReplies = null;
    }

    /** Minutes as working days and hours, e.g. "2 个工作日 3.5 小时", for reading the table at a glance. */
    public String readable(int minutes) {
        jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        long days = minutes / workingDayMinutes;
        double hours = (minutes % workingDayMinutes) / 60.0;
        String h = hours == Math.floor(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
        String text = days > 0 ? FacesFailures.text(faces, "admin.service.days", days) : "";
        if (hours > 0 || days == 0) {
            text += (text.isEmpty() ? "" : " ") + FacesFailures.text(faces, "admin.service.hours", h);
        }
        return text;
    }

    public List<LevelRow> getLevels() {
        return levels;
    }

    public long getWorkingDayMinutes() {
        return workingDayMinutes;
    }

    public List<PhraseRule> getPhrases() {
        if (phrases == null) {
            phrases = language.rules();
        }
        return phrases;
    }

    public List<CannedReply> getCannedReplies() {
        if (cannedReplies == null) {
            cannedReplies = language.cannedReplies();
        }
        return cannedReplies;
    }

    public List<Category> getCategories() {
        return workspace.categories();
    }

    public String getPhrase() {
        return phrase;
    }

    public void setPhrase(String phrase) {
        this.phrase = phrase;
    }

    public String getSuggestion() {
        return suggestion;
    }

    public void setSuggestion(String suggestion) {
        this.suggestion = suggestion;
    }

    public String getCannedTitle() {
        return cannedTitle;
    }

    public void setCannedTitle(String cannedTitle) {
        this.cannedTitle = cannedTitle;
    }

    public String getCannedCategory() {
        return cannedCategory;
    }

    public void setCannedCategory(String cannedCategory) {
        this.cannedCategory = cannedCategory;
    }

    public String getCannedBody() {
        return cannedBody;
    }

    public void setCannedBody(String cannedBody) {
        this.cannedBody = cannedBody;
    }
}
