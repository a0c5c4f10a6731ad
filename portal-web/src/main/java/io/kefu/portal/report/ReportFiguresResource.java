package io.kefu.portal.report;

import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Params;
import io.kefu.report.boundary.ReportFigures;
import io.kefu.report.entity.Period;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The office's figures for a period, as docs/REPORTS.md defines them: supervisors and the tenant's admins. */
@Path("v1/tenants/{tenant}/reports/figures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
@SecurityRequirement(name = "basic")
public class ReportFiguresResource {

    @Inject
    ReportFigures figures;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    @GET
    @Allowed({Role.SUPERVISOR, Role.TENANT_ADMIN})
    @Operation(summary = "The office's figures for the days from..to (yyyy-mm-dd, inclusive, in the tenant's zone; "
            + "default this month so far)", description = "Registered, closed (by status) and carried over open; "
            + "first response and resolution deadlines met; callback rate and satisfaction from callbacks; "
            + "satisfaction and NPS from surveys; valid complaints against the customer base and the share of "
            + "complaints upheld; breakdowns by CATEGORY, DEPARTMENT, SEVERITY, CHANNEL, KIND. Rates are fractions, "
            + "null for 0/0. Definitions: docs/REPORTS.md.")
    public FiguresReportJson figures(@QueryParam("from") String from, @QueryParam("to") String to) {
        Period period = Period.asked(Params.day(from, "from"), Params.day(to, "to"), tenant.get().zone(),
                clock.instant());
        return FiguresReportJson.of(figures.figures(period, clock.instant()));
    }
}
