package io.kefu.portal.form;

import io.kefu.portal.i18n.Languages;
import io.kefu.portal.i18n.LocaleSelection;
import io.kefu.portal.tenancy.TenantPath;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What both print pages share: the case their address names (none for the blank form), the page's language and
 * the tenant's zone, the addresses of the PDFs in that language, and a form's column widths as percentages.
 */
@RequestScoped
public class PrintPages {

    @Inject
    CaseFiles files;

    @Inject
    LocaleSelection language;

    @Inject
    CurrentTenant tenant;

    @Inject
    HttpServletRequest request;

    private CaseFile file;
    private boolean looked;

    /** The case number in the address, or null (the blank form). */
    String number() {
        return (String) request.getAttribute(TenantPath.PARAMETER);
    }

    /** The case, or null when the address names none or one this tenant does not have. */
    CaseFile file() {
        if (!looked) {
            looked = true;
            file = number() == null ? null : files.find(number(), locale()).orElse(null);
        }
        return file;
    }

    Locale locale() {
        return language.getLocale();
    }

    ZoneId zone() {
        return tenant.get().zone();
    }

    /** {@code registration.pdf} for the blank form, {@code complaints/{number}/form.pdf} and the like for a case. */
    String pdf(String path) {
        return request.getContextPath() + "/api/v1/tenants/" + tenant.get().slug().value() + "/" + path + "?lang="
                + Languages.tag(locale());
    }

    static List<String> percentages(float[] widths) {
        float total = 0;
        for (float width : widths) {
            total += width;
        }
        List<String> percentages = new ArrayList<>();
        for (float width : widths) {
            percentages.add(String.format(Locale.ROOT, "%.2f%%", width * 100 / total));
        }
        return percentages;
    }
}
