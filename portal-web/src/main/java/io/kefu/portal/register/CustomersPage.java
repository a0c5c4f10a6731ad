package io.kefu.portal.register;

import io.kefu.resident.boundary.CustomerRecords;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import io.kefu.confidentiality.boundary.RecordSight;
import io.kefu.confidentiality.entity.ReadChannel;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The customer search (/t/{tenant}/staff/customers): the tenant's customer records one page at a time, found by
 * name, phone, building or unit and counted by the database. Each line links to the record.
 */
@Named
@ViewScoped
public class CustomersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CustomerRecords records;

    @Inject
    RecordSight sight;

    @Inject
    CurrentTenant tenant;

    private String query;
    private String building;
    /** The tenant this view was built for: a post of it under another tenant's address starts from scratch. */

    /**
     * Transient like the inbox's: the session with this view is written to the data grid after every request,
     * and a node that takes it over makes a new model, which loads its page again as every request does.
     */
    private transient LazyDataModel<CustomerRecords.Row> customers;

    @PostConstruct
    void bindToTenant() {
    }

    public LazyDataModel<CustomerRecords.Row> getCustomers() {
        if (customers == null) {
            customers = new LazyDataModel<>() {
                private static final long serialVersionUID = 1L;

                @Override
                public int count(Map<String, FilterMeta> filters) {
                    return (int) records.count(query, building);
                }

                @Override
                public List<CustomerRecords.Row> load(int first, int pageSize, Map<String, SortMeta> sort,
                        Map<String, FilterMeta> filters) {
                    return sight.search(query, building, first, pageSize, ReadChannel.PAGE);
                }

                @Override
                public String getRowKey(CustomerRecords.Row row) {
                    return row.key();
                }

                @Override
                public CustomerRecords.Row getRowData(String rowKey) {
                    return null;
                }
            };
        }
        return customers;
    }

    public void reset() {
        query = null;
        building = null;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null || query.isBlank() ? null : query.strip();
    }

    public String getBuilding() {
        return building;
    }

    public void setBuilding(String building) {
        this.building = building == null || building.isBlank() ? null : building.strip();
    }
}
