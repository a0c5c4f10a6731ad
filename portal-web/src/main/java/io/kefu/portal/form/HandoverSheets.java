package io.kefu.portal.form;

import io.kefu.handover.boundary.Handovers;
import io.kefu.handover.entity.Handover;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;

/**
 * Gathers a printed hand-over in one transaction of the tenant (its lines, entries and acknowledgements are tenant
 * rows): another tenant's reference is not found (404), as on the API.
 */
@RequestScoped
@Transactional
public class HandoverSheets {

    @Inject
    Handovers handovers;

    @Inject
    CaseFiles files;

    @Inject
    io.kefu.tenancy.control.CurrentTenant tenant;

    public byte[] pdf(String ref, String lang, String acceptLanguage) {
        Locale locale = files.locale(lang, acceptLanguage);
        return sheet(handovers.get(ref), locale).pdf(files.tenantName(locale), files.logo());
    }

    public Optional<HandoverSheet> find(String ref, Locale locale) {
        return handovers.find(ref).map(h -> sheet(h, locale));
    }

    private HandoverSheet sheet(Handover h, Locale locale) {
        return HandoverSheet.of(h, handovers.entries(h), handovers.acknowledgements(h), locale, tenant.get().zone());
    }
}
