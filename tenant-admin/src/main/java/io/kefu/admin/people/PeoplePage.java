package io.kefu.admin.people;

import io.kefu.admin.people.boundary.People;
import io.kefu.admin.people.boundary.People.Person;
import io.kefu.faces.FacesFailures;
import io.kefu.identity.entity.Role;
import io.kefu.identity.entity.TenantStanding;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.Department;
import jakarta.faces.view.ViewScoped;
import io.kefu.confidentiality.boundary.Clearances;
import io.kefu.resident.entity.Confidentiality;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The tenant's people (/t/{tenant}/admin/people): a page at a time from the database, an invitation form,
 * and a dialog to change one person's roles and departments. Every change goes through {@link People}, which
 * checks the rules and writes the audit log.
 */
@Named
@ViewScoped
public class PeoplePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    People people;

    @Inject
    Workspace workspace;

    @Inject
    Clearances clearances;

    private String username;
    private String email;
    private String displayName;
    private List<String> roles = new ArrayList<>(List.of(Role.STAFF.name()));
    private String department;

    /** The invitation link nothing could mail (no SMTP server), shown once to hand over; never stored. */
    private String handOver;
    private String handOverTo;

    private String editing;
    private List<String> editRoles = new ArrayList<>();
    private List<String> editDepartments = new ArrayList<>();
    private Confidentiality editClearance = Confidentiality.ORDINARY;
    /** The clearances of the people on the page, read with the page (one query). */
    private transient Map<String, Confidentiality> cleared = Map.of();

    private final LazyDataModel<Person> list = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) people.count();
        }

        @Override
        public List<Person> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            cleared = clearances.all();
            return people.page(first, pageSize);
        }

        @Override
        public String getRowKey(Person person) {
            return person.username();
        }

        @Override
        public Person getRowData(String rowKey) {
            return null;
        }
    };

    public void invite() {
        People.Invited invited = people.invite(new People.NewPerson(username, email, displayName, roles(roles),
                department));
        show(invited, invited.link().isPresent() ? "people.invited.handover" : "people.invited");
        username = null;
        email = null;
        displayName = null;
        department = null;
        roles = new ArrayList<>(List.of(Role.STAFF.name()));
    }

    /** Opens the dialog for one person. */
    public void edit(Person person) {
        editing = person.username();
        editRoles = new ArrayList<>(person.roles().stream().map(Enum::name).toList());
        editDepartments = new ArrayList<>(person.departments());
        editClearance = clearances.of(person.username());
    }

    /** The person's clearance (安全许可) as the table shows it. */
    public Confidentiality clearance(Person person) {
        return cleared == null ? Confidentiality.ORDINARY
                : cleared.getOrDefault(person.username(), Confidentiality.ORDINARY);
    }

    public Confidentiality[] getLevels() {
        return Confidentiality.values();
    }

    /** Saves the dialog: the roles as a whole, then the departments joined and left. */
    public void save() {
        Person current = people.get(editing);
        if (!new HashSet<>(roles(editRoles)).equals(current.roles())) {
            people.changeRoles(editing, roles(editRoles));
        }
        Set<String> wanted = new HashSet<>(editDepartments);
        for (String code : current.departments()) {
            if (!wanted.contains(code)) {
                people.leaveDepartment(editing, code);
            }
        }
        for (String code : wanted) {
            if (!current.departments().contains(code)) {
                people.joinDepartment(editing, code);
            }
        }
        if (editClearance != clearances.of(editing)) {
            clearances.set(editing, editClearance);
        }
        FacesFailures.info("people.saved", editing);
    }

    /** Who is being taken out of the tenant, and who takes over their work (the removal dialog). */
    private String removing;
    private String successor;

    /** Opens the removal dialog for one person. */
    public void startRemoval(Person person) {
        removing = person.username();
        successor = null;
    }

    /** People who can take over the work of the person being removed. */
    public List<io.kefu.identity.boundary.Member> getSuccessors() {
        return people.successors(removing);
    }

    public void remove() {
        People.Removal removal = people.remove(removing, successor);
        FacesFailures.info("people.removed", removal.username(), removal.successor(), removal.cases(),
                removal.callbacks());
        removing = null;
    }

    public String getRemoving() {
        return removing;
    }

    public String getSuccessor() {
        return successor;
    }

    public void setSuccessor(String successor) {
        this.successor = successor;
    }

    /** Sends a lost or expired invitation again; the earlier link stops working. */
    public void resend(String person) {
        People.Invited invited = people.resendInvitation(person);
        show(invited, invited.link().isPresent() ? "people.invitation.resent.handover"
                : "people.invitation.resent");
    }

    private void show(People.Invited invited, String message) {
        FacesFailures.info(message, invited.person().username(), invited.person().email());
        handOver = invited.link().orElse(null);
        handOverTo = invited.link().isPresent() ? invited.person().username() : null;
    }

    public String getHandOver() {
        return handOver;
    }

    public String getHandOverTo() {
        return handOverTo;
    }

    public void disable(String person) {
        people.disable(person);
        FacesFailures.info("people.disabled", person);
    }

    public void enable(String person) {
        people.enable(person);
        FacesFailures.info("people.enabled", person);
    }

    /** The checked boxes' values are role names offered by this page; anything else is simply not a role. */
    private static List<Role> roles(List<String> names) {
        return names == null ? List.of() : names.stream().filter(n -> TenantStanding.GRANTABLE.stream()
                .anyMatch(r -> r.name().equals(n))).map(Role::valueOf).toList();
    }

    public LazyDataModel<Person> getList() {
        return list;
    }

    public Set<Role> getGrantable() {
        return TenantStanding.GRANTABLE;
    }

    public List<Department> getDepartments() {
        return workspace.departments();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getEditing() {
        return editing;
    }

    public Confidentiality getEditClearance() {
        return editClearance;
    }

    public void setEditClearance(Confidentiality editClearance) {
        this.editClearance = editClearance;
    }

    public List<String> getEditRoles() {
        return editRoles;
    }

    public void setEditRoles(List<String> editRoles) {
        this.editRoles = editRoles;
    }

    public List<String> getEditDepartments() {
        return editDepartments;
    }

    public void setEditDepartments(List<String> editDepartments) {
        this.editDepartments = editDepartments;
    }
}
