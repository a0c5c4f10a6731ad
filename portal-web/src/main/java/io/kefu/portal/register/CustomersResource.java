package io.kefu.portal.register;

import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Params;
import io.kefu.portal.identity.Access;
import io.kefu.problem.KefuException;
import io.kefu.confidentiality.boundary.RecordSight;
import io.kefu.confidentiality.entity.ReadChannel;
import io.kefu.resident.boundary.CustomerRecords;
import io.kefu.resident.control.CustomerHistory;
import io.kefu.resident.control.CustomerRecord;
import io.kefu.resident.entity.Confidentiality;
import io.kefu.resident.entity.CustomerKind;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Customer records (客户档案) over HTTP: the search, one record with the first page of its history, its history a
 * page at a time, and the edit. Every read goes through {@link CustomerRecords#open}, as the page's does.
 */
@Path("v1/tenants/{tenant}/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customers")
@SecurityRequirement(name = "basic")
public class CustomersResource {

    static final int HISTORY_SIZE = 20;

    public record RowJson(String key, String name, String kind, boolean vip, boolean keyCustomer, String handler,
            String confidentiality, String grade, List<String> phones, List<String> units) {

        static RowJson of(CustomerRecords.Row r) {
            return new RowJson(r.key(), r.name(), r.kind().name(), r.vip(), r.keyCustomer(), r.handler(),
                    r.confidentiality().name(), r.grade(), r.phones(), r.units());
        }
    }

    public record PageJson(long total, int page, int size, List<RowJson> items) {
    }

    public record PlaceJson(String building, String unit, String name, String phone, String grade) {
    }

    public record EntryJson(String type, String at, String caseNumber, String callbackKey, String code, String text,
            Double score) {

        static EntryJson of(CustomerHistory.Entry e) {
            return new EntryJson(e.type().name(), e.at() == null ? null : e.at().toString(), e.caseNumber(),
                    e.callbackKey(), e.code(), e.text(), e.score());
        }
    }

    public record HistoryJson(long total, int page, int size, boolean hasNext, List<EntryJson> items) {

        static HistoryJson of(CustomerHistory.Page p) {
            return new HistoryJson(p.total(), p.page(), p.size(), p.hasNext(),
                    p.entries().stream().map(EntryJson::of).toList());
        }
    }

    public record RecordJson(String key, String kind, String name, String confidentiality, boolean vip,
            boolean keyCustomer, String handler, String notes, long version, String grade, List<String> names,
            List<String> phones, List<PlaceJson> places, HistoryJson history, boolean masked) {

        /**
         * The record as the caller may see it: {@code masked} says its personal fields are hidden (below the level).
         */
        static RecordJson of(RecordSight.Shown shown) {
            CustomerRecord r = shown.record();
            return new RecordJson(r.key(), r.kind().name(), r.name(), r.confidentiality().name(), r.vip(),
                    r.keyCustomer(), r.handler(), r.notes(), r.version(), r.grade() == null ? null : r.grade().name(),
                    r.names(), r.phones(), r.places().stream().map(p -> new PlaceJson(p.building(), p.unit(),
                            p.name(), p.phone(), p.grade() == null ? null : p.grade().name())).toList(),
                    HistoryJson.of(r.history()), shown.masked());
        }
    }

    /** The edit: the whole of what staff keep; {@code confidentiality} absent leaves the level as it is. */
    public record EditJson(Long version, String kind, String name, Boolean vip, String handler, String notes,
            String confidentiality) {
    }

    @Inject
    CustomerRecords records;

    @Inject
    RecordSight sight;

    @Inject
    Access access;

    @GET
    @Allowed({Role.SUPERVISOR, Role.STAFF, Role.TENANT_ADMIN})
    public PageJson search(@QueryParam("q") String q, @QueryParam("building") String building,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        int count = Math.max(1, Math.min(CustomerRecords.MAX_PAGE_SIZE, Params.whole(size, "size", 25)));
        int from = Math.max(0, Params.whole(page, "page", 0));
        return new PageJson(records.count(q, building), from, count,
                sight.search(q, building, from * count, count, ReadChannel.API).stream().map(RowJson::of).toList());
    }

    @GET
    @Path("{key}")
    @Allowed({Role.SUPERVISOR, Role.STAFF, Role.TENANT_ADMIN})
    public RecordJson get(@PathParam("key") String key) {
        return RecordJson.of(sight.open(key, 0, HISTORY_SIZE, ReadChannel.API));
    }

    @GET
    @Path("{key}/history")
    @Allowed({Role.SUPERVISOR, Role.STAFF, Role.TENANT_ADMIN})
    public HistoryJson history(@PathParam("key") String key, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        int count = Math.max(1, Math.min(CustomerRecords.MAX_PAGE_SIZE, Params.whole(size, "size", HISTORY_SIZE)));
        return HistoryJson.of(sight.open(key, Math.max(0, Params.whole(page, "page", 0)), count, ReadChannel.API)
                .record().history());
    }

    /** 200 with the record; 403 for a level change by staff; 409 at a stale {@code version}; 422 per field. */
    @PUT
    @Path("{key}")
    @Allowed({Role.SUPERVISOR, Role.STAFF, Role.TENANT_ADMIN})
    public RecordJson edit(@PathParam("key") String key, EditJson in) {
        if (in == null) {
            throw KefuException.invalid("name", "field.required");
        }
        CustomerKind kind = Params.choice(CustomerKind.class, in.kind(), "kind");
        Confidentiality level = Params.choice(Confidentiality.class, in.confidentiality(), "confidentiality");
        return RecordJson.of(sight.edit(key, new CustomerRecords.Edit(in.version(), kind, in.name(),
                Boolean.TRUE.equals(in.vip()), in.handler(), in.notes(), level),
                access.isSupervisor() || access.isTenantAdmin(), HISTORY_SIZE, ReadChannel.API));
    }
}
