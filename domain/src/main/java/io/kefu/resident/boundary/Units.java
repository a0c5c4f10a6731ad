package io.kefu.resident.boundary;

import io.kefu.problem.KefuException;
import io.kefu.resident.entity.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The units of the current tenant's resident register as cases refer to them: staff pick one by building and number
 * (suggested as they type) to link a case to it, and the case shows it again by its id.
 */
@ApplicationScoped
@Transactional
public class Units {

    /** The most suggestions one keystroke returns. */
    public static final int MAX_SUGGESTIONS = 20;

    @Inject
    EntityManager em;

    /** The unit with this building and number, as written but in any case. */
    public Optional<Unit> find(String building, String number) {
        if (building == null || number == null || building.isBlank() || number.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery(Unit.BY_KEY, Unit.class)
                .setParameter("building", building.strip().toLowerCase(Locale.ROOT))
                .setParameter("number", number.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    /**
     * The unit a caller named; input errors on {@code prefix + "building"} and {@code prefix + "number"} when one is
     * missing, the building is not on the register, or the building has no such unit (all of them at once).
     */
    public Unit get(String building, String number, String prefix) {
        Unit[] found = new Unit[1];
        boolean named = building != null && !building.isBlank();
        KefuException.checkAll(
                () -> {
                    if (!named) {
                        throw KefuException.invalid(prefix + "building", "unit.building.required");
                    }
                    if (buildings(building).stream().noneMatch(b -> b.equalsIgnoreCase(building.strip()))) {
                        throw KefuException.invalid(prefix + "building", "unit.building.unknown", building.strip());
                    }
                },
                () -> {
                    if (number == null || number.isBlank()) {
                        throw KefuException.invalid(prefix + "number", "unit.number.required");
                    }
                    found[0] = named ? find(building, number).orElse(null) : null;
                    if (found[0] == null) {
                        throw KefuException.invalid(prefix + "number", "unit.not.found",
                                (named ? building.strip() + " " : "") + number.strip());
                    }
                });
        return found[0];
    }

    public Optional<Unit> byId(Long id) {
        return id == null ? Optional.empty()
                : em.createNamedQuery(Unit.BY_ID, Unit.class).setParameter("id", id).getResultStream().findFirst();
    }

    /** Units whose "building number" contains what was typed, in register order. */
    public List<Unit> suggest(String typed) {
        return em.createNamedQuery(Unit.MATCHING, Unit.class).setParameter("q", pattern(typed))
                .setMaxResults(MAX_SUGGESTIONS).getResultList();
    }

    /** The register's buildings containing what was typed. */
    public List<String> buildings(String typed) {
        return em.createNamedQuery(Unit.BUILDINGS, String.class).setParameter("q", pattern(typed))
                .setMaxResults(MAX_SUGGESTIONS).getResultList();
    }

    /** The unit numbers of one building containing what was typed. */
    public List<String> numbersIn(String building, String typed) {
        if (building == null || building.isBlank()) {
            return List.of();
        }
        return em.createNamedQuery(Unit.NUMBERS_IN, String.class)
                .setParameter("building", building.strip().toLowerCase(Locale.ROOT)).setParameter("q", pattern(typed))
                .setMaxResults(MAX_SUGGESTIONS).getResultList();
    }

    private static String pattern(String typed) {
        String q = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
        return "%" + q + "%";
    }
}
