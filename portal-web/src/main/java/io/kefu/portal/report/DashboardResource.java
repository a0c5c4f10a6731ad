package io.kefu.portal.report;

import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.report.boundary.Dashboards;
import io.kefu.report.entity.DashboardPeriod;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The supervisor's dashboard for a month or quarter, with the inbox filter behind every count of cases. */
@Path("v1/tenants/{tenant}/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
@SecurityRequirement(name = "basic")
public class DashboardResource {

    @Inject
    Dashboards dashboards;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    @GET
    @Allowed({Role.SUPERVISOR})
    @Operation(summary = "The dashboard of a month or quarter (supervisors)", description = "Now: open cases by "
            + "status, overdue, ageing buckets (days since registration: 0, 1-2, 3-6, 7-13, 14-29, 30+), open and "
            + "overdue per handling department. The period: registered and valid complaints, the report figures "
            + "(docs/REPORTS.md) against the previous period's, weekly volume by kind (12 weeks up to the period's "
            + "last day so far), six months of deadline, callback and satisfaction rates (callback and survey "
            + "satisfaction apart), top categories, cases per building x category (cases linked to a unit). Every "
            + "count of cases is {count, inbox}: inbox is the query string that lists exactly those cases with "
            + "GET /complaints (and the staff inbox page), null where no filter can. Definitions: docs/REPORTS.md.")
    public DashboardJson dashboard(@Parameter(description = "yyyy-mm (a month) or yyyy-Qn (a quarter); "
            + "default this month") @QueryParam("period") String period) {
        return DashboardJson.of(dashboards.of(DashboardPeriod.parse(period, tenant.get().zone(), clock.instant()),
                clock.instant()));
    }
}
