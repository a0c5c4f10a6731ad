package io.kefu.portal.form;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The case sheet as a print page: /t/{tenant}/staff/cases/{number}/sheet. */
@Named
@RequestScoped
public class SheetPage {

    @Inject
    PrintPages pages;

    public boolean isFound() {
        return pages.file() != null;
    }

    public CaseSheet getSheet() {
        return CaseSheet.of(pages.file(), pages.locale(), pages.zone());
    }

    /** A grid's column widths as percentages, for its {@code col} elements. */
    public List<String> widths(CaseSheet.Grid grid) {
        return PrintPages.percentages(grid.widths());
    }

    public String getNumber() {
        return pages.number();
    }

    public String getPdfUrl() {
        return pages.pdf("complaints/" + pages.number() + "/sheet.pdf");
    }
}
