package io.kefu.portal.form;

import io.kefu.callback.boundary.Callbacks;
import io.kefu.compensation.boundary.Compensations;
import io.kefu.complaint.boundary.Cases;
import io.kefu.confidentiality.boundary.Disclosure;
import io.kefu.confidentiality.control.Contact;
import io.kefu.confidentiality.control.Mask;
import io.kefu.confidentiality.control.Sight;
import io.kefu.confidentiality.entity.ReadChannel;
import io.kefu.complaint.entity.Complaint;
import io.kefu.portal.i18n.Languages;
import io.kefu.resident.entity.Unit;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.boundary.WorkspaceSetup;
import io.kefu.workspace.entity.TenantLogo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;

/**
 * Gathers what a printed case shows, through the same boundaries as the case page and its API: a case of
 * another tenant is not found (404), exactly as there.
 */
@RequestScoped
public class CaseFiles {

    @Inject
    Cases cases;

    @Inject
    Callbacks callbacks;

    @Inject
    Compensations compensations;

    @Inject
    Disclosure disclosure;

    @Inject
    Workspace workspace;

    @Inject
    WorkspaceSetup setup;

    @Inject
    CurrentTenant tenant;

    /** The case with this number in the current tenant, names in {@code locale}; 404 otherwise. */
    public CaseFile get(String number, Locale locale) {
        return of(cases.get(number), locale);
    }

    public Optional<CaseFile> find(String number, Locale locale) {
        return cases.find(number).map(c -> of(c, locale));
    }

    /** The letterhead: the tenant's name in {@code locale}. */
    public String tenantName(Locale locale) {
        return tenant.get().name(locale);
    }

    /** The letterhead's logo, or null. */
    public byte[] logo() {
        return setup.logo().map(TenantLogo::content).orElse(null);
    }

    /**
     * The reader's language for a download: {@code lang} when the page asked for one, else the header's, else the
     * tenant's.
     */
    public Locale locale(String lang, String acceptLanguage) {
        return Languages.match(lang)
                .or(() -> Languages.fromAcceptLanguage(acceptLanguage))
                .orElse(tenant.get().defaultLocale());
    }

    private CaseFile of(Complaint complaint, Locale locale) {
        String category = complaint.categoryCode() == null ? null : workspace.categories().stream()
                .filter(c -> c.code().value().equals(complaint.categoryCode())).findFirst()
                .map(c -> c.name().in(locale)).orElse(complaint.categoryCode());
        String department = complaint.departmentCode() == null ? null : workspace.departments().stream()
                .filter(d -> d.code().value().equals(complaint.departmentCode())).findFirst()
                .map(d -> d.name().in(locale)).orElse(complaint.departmentCode());
        // A printed or downloaded form is an export: a protected record's contact shown on it is a logged read.
        Sight sight = disclosure.read(complaint.customerId(), complaint.number().toString(), ReadChannel.EXPORT);
        Contact contact = sight.apply(Contact.of(complaint));
        String unit = cases.unitOf(complaint).map(Unit::label).orElse(null);
        return new CaseFile(complaint, category, department, contact.isMasked() ? Mask.address(unit) : unit,
                cases.attachments(complaint), callbacks.ofCase(complaint), compensations.ofCase(complaint), contact);
    }
}
