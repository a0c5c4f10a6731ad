package io.kefu.portal.report;

import jakarta.json.spi.JsonProvider;
import io.kefu.portal.i18n.Languages;
import io.kefu.report.boundary.QuarterlyReports;
import io.kefu.report.entity.Quarter;
import io.kefu.report.entity.QuarterlyReport;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.boundary.WorkspaceSetup;
import io.kefu.workspace.entity.TenantLogo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A quarter's report as its document, for the API, the pages and the exports alike: a published revision's snapshot
 * as it was approved, otherwise the report counted now. Also renders the document for the approval to freeze.
 */
@RequestScoped
public class QuarterlyDocuments {

    /** Looked up once: {@code Json.createXxx} asks the ServiceLoader every time (see JsonBody). */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    QuarterlyReports reports;

    @Inject
    Workspace workspace;

    @Inject
    WorkspaceSetup setup;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    /** The document of {@code quarter}'s latest revision: its snapshot once published, the live report before. */
    public JsonObject of(Quarter quarter) {
        Optional<QuarterlyReport> report = reports.find(reports.begun(quarter));
        return report.isPresent() ? of(report.get()) : live(quarter);
    }

    /**
     * The document of one revision: its snapshot once published, the live report before (only the latest revision
     * is ever not published). A snapshot approved before reports had revisions lacks the revision and its reason:
     * they are the revision's own, so they are written over it from the revision.
     */
    public JsonObject of(QuarterlyReport revision) {
        if (!revision.isPublished()) {
            return live(revision.quarter());
        }
        return JSON.createObjectBuilder(QuarterlyJson.read(revision.snapshot())).add("revision", revision.revision())
                .add("reason", revision.reason() == null ? JsonValue.NULL : JSON.createValue(revision.reason()))
                .build();
    }

    private JsonObject live(Quarter quarter) {
        return QuarterlyJson.read(QuarterlyJson.text(reports.live(quarter), tenant.get().zone(), today()));
    }

    /** Approves the submitted report, freezing the document it has now. */
    public QuarterlyReport approve(Quarter quarter, io.kefu.complaint.entity.Actor actor) {
        return reports.approve(quarter, actor, view -> QuarterlyJson.text(view, tenant.get().zone(), today()));
    }

    public byte[] pdf(JsonObject doc, Locale locale) {
        return QuarterlyExport.pdf(doc, locale, tenant.get().name(locale),
                setup.logo().map(TenantLogo::content).orElse(null), names(locale));
    }

    public byte[] xlsx(JsonObject doc, Locale locale) {
        return QuarterlyExport.xlsx(doc, locale, names(locale));
    }

    /** The reader's language from the request, or the tenant's. */
    public Locale locale(String acceptLanguage) {
        return Languages.fromAcceptLanguage(acceptLanguage).orElse(tenant.get().defaultLocale());
    }

    QuarterlyTables.Names names(Locale locale) {
        return new QuarterlyTables.Names(
                code -> code == null ? "—" : workspace.categories().stream()
                        .filter(c -> c.code().value().equals(code)).findFirst()
                        .map(c -> c.name().in(locale)).orElse(code),
                code -> code == null ? "—" : workspace.departments().stream()
                        .filter(d -> d.code().value().equals(code)).findFirst()
                        .map(d -> d.name().in(locale)).orElse(code));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(tenant.get().zone()));
    }
}
