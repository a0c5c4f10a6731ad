package io.kefu.confidentiality.boundary;

import io.kefu.confidentiality.control.Mask;
import io.kefu.confidentiality.control.Sight;
import io.kefu.confidentiality.entity.ReadChannel;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.resident.boundary.CustomerRecords;
import io.kefu.resident.boundary.Customers;
import io.kefu.resident.control.CustomerHistory;
import io.kefu.resident.control.CustomerRecord;
import io.kefu.resident.entity.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Customer records (客户档案) as the reader may see them: the search, the record page and the record API read
 * through here, never through {@link CustomerRecords} directly. Below the record's level its personal fields
 * (names, phones, units, notes) are masked; a protected record shown unmasked is logged in the read log, with
 * the clearance, grant or break-glass it was read under ({@link Disclosure}).
 */
@ApplicationScoped
@Transactional
public class RecordSight {

    @Inject
    CustomerRecords records;

    @Inject
    Customers customers;

    @Inject
    Disclosure disclosure;

    /** A page of the search; rows of records the reader may not read are masked, the others logged when protected. */
    public List<CustomerRecords.Row> search(String query, String building, int first, int size, ReadChannel channel) {
        List<CustomerRecords.Row> rows = records.search(query, building, first, size);
        List<Sight> sights = disclosure.readAll(rows, CustomerRecords.Row::id, row -> null, channel);
        List<CustomerRecords.Row> shown = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            shown.add(sights.get(i).isClear() ? rows.get(i) : masked(rows.get(i)));
        }
        return shown;
    }

    /** The record with page {@code historyPage} of its history, masked below the reader's sight; read logged. */
    public Shown open(String key, int historyPage, int historySize, ReadChannel channel) {
        CustomerRecord record = records.open(key, historyPage, historySize);
        Sight sight = disclosure.open(customers.get(key), channel);
        return new Shown(sight.isClear() ? record : masked(record), sight);
    }

    /**
     * Edits a record the reader can see in full: changing what one may not read would be writing blind, and
     * would let anyone below the level overwrite a secret record. {@code customer.protected} (403) otherwise.
     */
    public Shown edit(String key, CustomerRecords.Edit edit, boolean mayClassify, int historySize,
            ReadChannel channel) {
        Customer customer = customers.get(key);
        if (!disclosure.sight(customer.id()).isClear()) {
            throw new KefuException(Failure.FORBIDDEN, "customer.protected");
        }
        CustomerRecord saved = records.edit(key, edit, mayClassify, historySize);
        return new Shown(saved, disclosure.open(customer, channel));
    }

    /** A record as shown, and the sight it was shown under (masked or not, and on which basis). */
    public record Shown(CustomerRecord record, Sight sight) {

        public boolean masked() {
            return !sight.isClear();
        }
    }

    static CustomerRecord masked(CustomerRecord r) {
        List<CustomerRecord.Place> places = r.places().stream().map(p -> new CustomerRecord.Place(
                Mask.address(p.building()), Mask.address(p.unit()), Mask.name(p.name()), Mask.phone(p.phone()),
                p.grade())).toList();
        return new CustomerRecord(r.key(), r.kind(), Mask.name(r.name()), r.confidentiality(), r.vip(), r.handler(),
                null, r.version(), r.grade(), r.names().stream().map(Mask::name).toList(),
                r.phones().stream().map(Mask::phone).toList(), places, masked(r.history()));
    }

    /** A courtesy visit's text is the unit visited: an address. */
    private static CustomerHistory.Page masked(CustomerHistory.Page page) {
        if (page == null) {
            return null;
        }
        return new CustomerHistory.Page(page.entries().stream().map(e -> e.type() != CustomerHistory.Type.COURTESY ? e
                : new CustomerHistory.Entry(e.type(), e.at(), e.caseNumber(), e.callbackKey(), e.code(),
                        Mask.address(e.text()), e.score())).toList(), page.page(), page.size(), page.total());
    }

    static CustomerRecords.Row masked(CustomerRecords.Row r) {
        return new CustomerRecords.Row(r.id(), r.key(), Mask.name(r.name()), r.kind(), r.vip(), r.handler(),
                r.confidentiality(), r.grade(), r.phones().stream().map(Mask::phone).toList(),
                r.units().stream().map(Mask::address).toList());
    }
}
