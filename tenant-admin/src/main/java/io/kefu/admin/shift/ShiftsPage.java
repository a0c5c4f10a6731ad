package io.kefu.admin.shift;

import io.kefu.faces.FacesFailures;
import io.kefu.handover.boundary.Shifts;
import io.kefu.identity.boundary.Member;
import io.kefu.workspace.boundary.Office;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shifts (/t/{tenant}/admin/shifts): rows added and removed on the page, saved as a whole, so a refused save
 * leaves the saved shifts as they were. View-scoped and bound to the tenant it was opened for.
 */
@Named
@ViewScoped
public class ShiftsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One row of the table as typed. */
    public static class Row implements Serializable {

        private static final long serialVersionUID = 1L;
        private String code;
        private String name;
        private String start;
        private String end;
        private List<String> members = new ArrayList<>();

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getStart() {
            return start;
        }

        public void setStart(String start) {
            this.start = start;
        }

        public String getEnd() {
            return end;
        }

        public void setEnd(String end) {
            this.end = end;
        }

        public List<String> getMembers() {
            return members;
        }

        public void setMembers(List<String> members) {
            this.members = members == null ? new ArrayList<>() : new ArrayList<>(members);
        }
    }

    @Inject
    Shifts shifts;

    @Inject
    Office office;


    private List<Row> rows = new ArrayList<>();
    private List<Member> people = List.of();

    @PostConstruct
    void load() {
        people = List.copyOf(office.staff());
        show();
    }

    private void show() {
        Map<String, List<String>> members = shifts.membersByShift();
        rows = new ArrayList<>();
        shifts.all().forEach(s -> {
            Row row = new Row();
            row.code = s.code();
            row.name = s.name();
            row.start = s.starts().toString();
            row.end = s.ends().toString();
            row.setMembers(members.getOrDefault(s.code(), List.of()));
            rows.add(row);
        });
    }

    public void add() {
        rows.add(new Row());
    }

    public void remove(Row row) {
        rows.remove(row);
    }

    public void save() {
        shifts.replace(rows.stream().map(r -> new Shifts.Input(r.code, r.name, r.start, r.end, r.members))
                .toList());
        show();
        FacesFailures.info("admin.saved");
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<Member> getPeople() {
        return people;
    }
}
