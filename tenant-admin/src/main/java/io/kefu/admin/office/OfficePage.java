package io.kefu.admin.office;

import io.kefu.deadline.boundary.Calendars;
import io.kefu.deadline.entity.CalendarDay;
import io.kefu.faces.FacesFailures;
import io.kefu.identity.boundary.Member;
import io.kefu.problem.KefuException;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.Code;
import io.kefu.workspace.entity.Department;
import io.kefu.workspace.entity.DepartmentHandler;
import io.kefu.workspace.entity.OfficeSettings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/**
 * How the office works (/t/{tenant}/admin/office): anonymous filing, the manager, office hours, holidays and
 * make-up working days (调休), and who handles cases for which department. View-scoped and bound to the tenant
 * it was opened for; every list is re-read after a change.
 */
@Named
@ViewScoped
public class OfficePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Office office;

    @Inject
    Calendars calendars;

    @Inject
    Workspace workspace;


    private boolean anonymousAllowed;
    private String manager;
    private String generalManager;
    private String workingPeriods;
    private DayOfWeek[] restDays;
    private long version;
    private LocalDate day;
    private CalendarDay.Type dayType = CalendarDay.Type.HOLIDAY;
    private String dayLabel;
    private Code handlerDepartment;
    private String handlerUsername;
    /** The rows as rendered: a remove button acts on the row it was shown on, whatever others did since. */
    private transient List<CalendarDay> days;
    private transient List<DepartmentHandler> handlers;

    @PostConstruct
    void load() {
        OfficeSettings settings = office.settings();
        anonymousAllowed = settings.anonymousAllowed();
        manager = settings.managerUsername();
        generalManager = settings.generalManagerUsername();
        workingPeriods = settings.workingPeriods();
        restDays = settings.restDays().toArray(DayOfWeek[]::new);
        version = settings.version();
    }

    public void save() {
        office.update(anonymousAllowed, manager, generalManager, workingPeriods,
                restDays == null || restDays.length == 0 ? EnumSet.noneOf(DayOfWeek.class)
                        : EnumSet.copyOf(List.of(restDays)),
                version);
        load();
        FacesFailures.info("admin.saved");
    }

    public void addDay() {
        calendars.addDay(day, dayType, dayLabel);
        days = null;
        FacesFailures.info("admin.saved");
        day = null;
        dayLabel = null;
    }

    public void removeDay(LocalDate removed) {
        calendars.removeDay(removed);
        days = null;
    }

    public void addHandler() {
        if (handlerDepartment == null) {
            // The menu is empty while the tenant has no department: refused like a blank code, as before.
            throw KefuException.invalid("code", "code.invalid");
        }
        office.addHandler(handlerDepartment, handlerUsername);
        handlers = null;
        FacesFailures.info("admin.saved");
        handlerUsername = null;
    }

    public void removeHandler(DepartmentHandler handler) {
        office.removeHandler(new Code(handler.departmentCode()), handler.username());
        handlers = null;
    }

    public List<CalendarDay> getDays() {
        if (days == null) {
            days = calendars.days();
        }
        return days;
    }

    public List<DepartmentHandler> getHandlers() {
        if (handlers == null) {
            handlers = office.handlers();
        }
        return handlers;
    }

    public List<Member> getSupervisors() {
        return office.supervisors();
    }

    public List<Member> getStaff() {
        return office.staff();
    }

    public List<Department> getDepartments() {
        return workspace.departments();
    }

    public DayOfWeek[] getWeekDays() {
        return DayOfWeek.values();
    }

    public CalendarDay.Type[] getDayTypes() {
        return CalendarDay.Type.values();
    }

    public boolean isAnonymousAllowed() {
        return anonymousAllowed;
    }

    public void setAnonymousAllowed(boolean anonymousAllowed) {
        this.anonymousAllowed = anonymousAllowed;
    }

    public String getManager() {
        return manager;
    }

    public void setManager(String manager) {
        this.manager = manager;
    }

    public String getGeneralManager() {
        return generalManager;
    }

    public void setGeneralManager(String generalManager) {
        this.generalManager = generalManager;
    }

    public String getWorkingPeriods() {
        return workingPeriods;
    }

    public void setWorkingPeriods(String workingPeriods) {
        this.workingPeriods = workingPeriods;
    }

    public DayOfWeek[] getRestDays() {
        return restDays;
    }

    public void setRestDays(DayOfWeek[] restDays) {
        this.restDays = restDays;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    public CalendarDay.Type getDayType() {
        return dayType;
    }

    public void setDayType(CalendarDay.Type dayType) {
        this.dayType = dayType;
    }

    public String getDayLabel() {
        return dayLabel;
    }

    public void setDayLabel(String dayLabel) {
        this.dayLabel = dayLabel;
    }

    public Code getHandlerDepartment() {
        return handlerDepartment;
    }

    public void setHandlerDepartment(Code handlerDepartment) {
        this.handlerDepartment = handlerDepartment;
    }

    public String getHandlerUsername() {
        return handlerUsername;
    }

    public void setHandlerUsername(String handlerUsername) {
        this.handlerUsername = handlerUsername;
    }
}
