package io.kefu.resident.control;

import io.kefu.resident.entity.Confidentiality;
import io.kefu.resident.entity.Customer;
import io.kefu.resident.entity.CustomerKind;
import io.kefu.resident.entity.Grade;
import io.kefu.resident.entity.Resident;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer record (客户档案) as staff read it: what the record keeps, what its entries on the register say
 * (names, phones, units, the best grade) and a page of its history. Plain values, no entities: a page keeps it in
 * a replicated session and the API writes it out as it is. Made by {@code CustomerRecords.open}, the one way a
 * record is read.
 */
public record CustomerRecord(String key, CustomerKind kind, String name, Confidentiality confidentiality,
        boolean vip, String handler, String notes, long version, Grade grade, List<String> names,
        List<String> phones, List<Place> places, CustomerHistory.Page history) implements Serializable {

    /** One entry on the register: where (building, unit), under which name and phone, with which grade. */
    public record Place(String building, String unit, String name, String phone, Grade grade)
            implements Serializable {

        public String label() {
            return building + " " + unit;
        }
    }

    /** The record with its register entries and a page of its history. */
    public static CustomerRecord of(Customer customer, List<Resident> entries, CustomerHistory.Page history) {
        List<Place> places = entries.stream().map(r -> new Place(r.unit().building(), r.unit().number(), r.name(),
                r.phone(), r.grade())).toList();
        return new CustomerRecord(customer.key(), customer.kind(), customer.name(), customer.confidentiality(),
                customer.vip(), customer.handler(), customer.notes(), customer.version(),
                bestGrade(places.stream().map(Place::grade).toList()).orElse(null),
                distinct(customer.name(), places.stream().map(Place::name).toList()),
                distinct(null, places.stream().map(Place::phone).toList()), places, history);
    }

    /** The best grade among the entries (A before B before C); none when no entry is graded. */
    public static Optional<Grade> bestGrade(Collection<Grade> grades) {
        return grades.stream().filter(Objects::nonNull).min(Enum::compareTo);
    }

    /** A key customer (重点客户) has a named handler who gets their new cases. */
    public boolean keyCustomer() {
        return handler != null;
    }

    /** The names the customer goes by, for a line of text. */
    public String nameList() {
        return String.join(", ", names);
    }

    /** The phones, for a line of text. */
    public String phoneList() {
        return String.join(", ", phones);
    }

    private static List<String> distinct(String first, List<String> more) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        if (first != null) {
            all.add(first);
        }
        more.stream().filter(Objects::nonNull).forEach(all::add);
        return List.copyOf(all);
    }
}
