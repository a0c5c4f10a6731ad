package io.kefu.admin.workspace;

import io.kefu.faces.FacesFailures;
import io.kefu.tenancy.entity.Tenant;
import io.kefu.workspace.boundary.WorkspaceSetup;
import io.kefu.workspace.entity.IntakeField;
import io.kefu.workspace.entity.WorkspaceSettings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.primefaces.event.FileUploadEvent;

/**
 * The workspace page (/t/{tenant}/admin/workspace): names, language, zone, colour, logo, intake rules and
 * customer grades, saved as a whole at the version read. View-scoped and bound to the tenant it was opened for.
 */
@Named
@ViewScoped
public class WorkspacePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    WorkspaceSetup setup;


    private String nameZh;
    private String nameEn;
    private String defaultLocale;
    private String timeZone;
    private String primaryColour;
    private IntakeField[] requiredFields;
    private Integer maxFiles;
    private Integer maxFileMb;
    private Integer gradeA;
    private Integer gradeB;
    private Integer gradeC;
    private long version;
    private String logoTag;

    @PostConstruct
    void load() {
        Tenant t = setup.tenant();
        WorkspaceSettings s = setup.settings();
        nameZh = t.name().zh();
        nameEn = t.name().en();
        defaultLocale = t.defaultLocale().toLanguageTag();
        timeZone = t.timeZone().getId();
        primaryColour = s.hasOwnColour() ? s.primaryColour() : null;
        requiredFields = s.requiredFields().toArray(IntakeField[]::new);
        maxFiles = s.maxFiles();
        maxFileMb = s.maxFileMb();
        gradeA = s.deadlinePercent("A");
        gradeB = s.deadlinePercent("B");
        gradeC = s.deadlinePercent("C");
        version = s.version();
        logoTag = setup.logoTag().orElse(null);
    }

    public void save() {
        Set<IntakeField> required = EnumSet.noneOf(IntakeField.class);
        required.addAll(List.of(requiredFields == null ? new IntakeField[0] : requiredFields));
        version = setup.update(new WorkspaceSetup.Change(nameZh, nameEn, defaultLocale, timeZone, primaryColour,
                required, maxFiles, maxFileMb, new WorkspaceSettings.GradePercents(gradeA, gradeB, gradeC)),
                version).version();
        FacesFailures.info("admin.saved");
    }

    public void uploadLogo(FileUploadEvent event) {
        logoTag = setup.replaceLogo(event.getFile().getContent()).etag();
        FacesFailures.info("admin.saved");
    }

    public void removeLogo() {
        setup.removeLogo();
        logoTag = null;
        FacesFailures.info("admin.saved");
    }

    public IntakeField[] getIntakeFields() {
        return IntakeField.values();
    }

    public List<String> getLocales() {
        return Tenant.LOCALES.stream().map(l -> l.toLanguageTag()).sorted().toList();
    }

    /** Region zone ids (Asia/Shanghai…) for the filterable picker; offsets and legacy aliases left out. */
    public List<String> getZones() {
        return ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
                && !z.startsWith("SystemV/")).sorted().toList();
    }

    public String getLogoTag() {
        return logoTag;
    }

    public String getDefaultColour() {
        return WorkspaceSettings.DEFAULT_COLOUR;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getDefaultLocale() {
        return defaultLocale;
    }

    public void setDefaultLocale(String defaultLocale) {
        this.defaultLocale = defaultLocale;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getPrimaryColour() {
        return primaryColour;
    }

    public void setPrimaryColour(String primaryColour) {
        this.primaryColour = primaryColour;
    }

    public IntakeField[] getRequiredFields() {
        return requiredFields;
    }

    public void setRequiredFields(IntakeField[] requiredFields) {
        this.requiredFields = requiredFields;
    }

    public Integer getMaxFiles() {
        return maxFiles;
    }

    public void setMaxFiles(Integer maxFiles) {
        this.maxFiles = maxFiles;
    }

    public Integer getMaxFileMb() {
        return maxFileMb;
    }

    public void setMaxFileMb(Integer maxFileMb) {
        this.maxFileMb = maxFileMb;
    }

    public Integer getGradeA() {
        return gradeA;
    }

    public void setGradeA(Integer gradeA) {
        this.gradeA = gradeA;
    }

    public Integer getGradeB() {
        return gradeB;
    }

    public void setGradeB(Integer gradeB) {
        this.gradeB = gradeB;
    }

    public Integer getGradeC() {
        return gradeC;
    }

    public void setGradeC(Integer gradeC) {
        this.gradeC = gradeC;
    }
}
