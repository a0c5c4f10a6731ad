package io.kefu.handover.boundary;

import io.kefu.audit.boundary.AuditLog;
import io.kefu.handover.entity.Shift;
import io.kefu.handover.entity.ShiftMember;
import io.kefu.identity.boundary.Member;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The current tenant's shifts and who works in which. The tenant admin replaces them as a whole (what the settings
 * page and the API send is the complete list), so a refused change leaves the old shifts as they were.
 */
@ApplicationScoped
@Transactional
public class Shifts {

    /** A shift as typed, with the usernames of its people. */
    public record Input(String code, String name, String start, String end, List<String> members) {
    }

    @Inject
    EntityManager em;

    @Inject
    Office office;

    @Inject
    AuditLog audit;

    public List<Shift> all() {
        return em.createNamedQuery(Shift.ALL, Shift.class).getResultList();
    }

    public List<ShiftMember> members() {
        return em.createNamedQuery(ShiftMember.ALL, ShiftMember.class).getResultList();
    }

    /** Usernames by shift code. */
    public Map<String, List<String>> membersByShift() {
        return members().stream().collect(Collectors.groupingBy(m -> m.shift().code(),
                Collectors.mapping(ShiftMember::username, Collectors.toList())));
    }

    public Optional<ShiftMember> of(String username) {
        return em.createNamedQuery(ShiftMember.OF_USER, ShiftMember.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    public Optional<Shift> find(String code) {
        return all().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /**
     * Replaces the shifts and their people. Each code once, each person (staff or supervisor of this tenant) in one
     * shift at most; every field at fault is named ({@code shifts[2].start}, {@code shifts[1].members}).
     */
    public List<Shift> replace(List<Input> inputs) {
        List<Input> given = inputs == null ? List.of() : inputs;
        Set<String> workers = office.staff().stream().map(Member::username).collect(Collectors.toSet());
        List<Shift> shifts = new ArrayList<>();
        List<Runnable> checks = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Map<String, String> placed = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            // Counted from 1, as the API names list items ({@code shifts[1]} is the first).
            String prefix = "shifts[" + (i + 1) + "].";
            Input in = given.get(i) == null ? new Input(null, null, null, null, null) : given.get(i);
            checks.add(() -> shifts.add(Shift.of(in.code(), in.name(), in.start(), in.end(), prefix)));
            checks.add(() -> {
                if (in.code() != null && !codes.add(in.code())) {
                    throw KefuException.invalid(prefix + "code", "shift.code.twice", in.code());
                }
            });
            checks.add(() -> {
                for (String username : in.members() == null ? List.<String>of() : in.members()) {
                    if (!workers.contains(username)) {
                        throw KefuException.invalid(prefix + "members", "shift.member.unknown", username);
                    }
                    if (placed.putIfAbsent(username, prefix) != null) {
                        throw KefuException.invalid(prefix + "members", "shift.member.twice", username);
                    }
                }
            });
        }
        KefuException.checkAll(checks.toArray(Runnable[]::new));
        String before = describe();
        em.createNamedQuery(ShiftMember.DELETE_ALL).executeUpdate();
        all().forEach(em::remove);
        Writes.flush(em);
        for (int i = 0; i < shifts.size(); i++) {
            Shift shift = shifts.get(i);
            em.persist(shift);
            List<String> people = given.get(i).members() == null ? List.of() : given.get(i).members();
            people.forEach(username -> em.persist(new ShiftMember(shift, username, false)));
        }
        Writes.flush(em);
        audit.record("settings.shifts", "shifts", before, describe());
        return all();
    }

    /**
     * {@code username} picks their shift themselves: only when the admin gave them none (422 on {@code shift}
     * otherwise, or for a shift that does not exist).
     */
    public Shift pick(String username, String code) {
        Optional<ShiftMember> current = of(username);
        if (current.isPresent()) {
            if (code != null && !code.equals(current.get().shift().code())) {
                throw KefuException.invalid("shift", "shift.not.yours", current.get().shift().name());
            }
            return current.get().shift();
        }
        if (code == null || code.isBlank()) {
            throw KefuException.invalid("shift", "field.required");
        }
        Shift shift = find(code).orElseThrow(() -> KefuException.invalid("shift", "shift.unknown", code));
        em.persist(new ShiftMember(shift, username, true));
        return shift;
    }

    private String describe() {
        Map<String, List<String>> people = membersByShift();
        return all().stream().map(s -> s.code() + " " + s.hours() + " " + people.getOrDefault(s.code(), List.of()))
                .collect(Collectors.joining("; "));
    }
}
