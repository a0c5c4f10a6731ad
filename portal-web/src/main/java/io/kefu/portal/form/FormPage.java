package io.kefu.portal.form;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The registration form as a print page: /t/{tenant}/staff/form (blank, for walk-ins) and
 * /t/{tenant}/staff/cases/{number}/form (filled). Read-only; the browser prints it like the paper form.
 */
@Named
@RequestScoped
public class FormPage {

    @Inject
    PrintPages pages;

    public boolean isBlank() {
        return pages.number() == null;
    }

    /** False for a case this tenant does not have: the page says so and prints nothing. */
    public boolean isFound() {
        return isBlank() || pages.file() != null;
    }

    public RegistrationForm getForm() {
        return RegistrationForm.of(pages.file(), pages.locale(), pages.zone());
    }

    public List<String> getWidths() {
        return PrintPages.percentages(RegistrationForm.WIDTHS);
    }

    public String getNumber() {
        return pages.number();
    }

    public String getPdfUrl() {
        return pages.pdf(isBlank() ? "forms/registration.pdf" : "complaints/" + pages.number() + "/form.pdf");
    }
}
