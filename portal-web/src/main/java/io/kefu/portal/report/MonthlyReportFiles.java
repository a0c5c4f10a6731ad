package io.kefu.portal.report;

import io.kefu.export.PdfDocument;
import io.kefu.export.Xlsx;
import io.kefu.identity.boundary.Member;
import io.kefu.report.entity.MonthlyReport;
import io.kefu.report.entity.MonthlyTable;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.boundary.WorkspaceSetup;
import io.kefu.workspace.entity.TenantLogo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A monthly table as a file: the A4 PDF on the tenant's letterhead with the signature block (制表人, 阅签 with names
 * and dates), and the workbook with a sheet per section — the same sections ({@link MonthlySections}), so both
 * files hold the same figures. For the API, the page and the mail of a published table.
 */
@ApplicationScoped
@Transactional
public class MonthlyReportFiles {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    @Inject
    CurrentTenant tenant;

    @Inject
    Workspace workspace;

    @Inject
    WorkspaceSetup setup;

    @Inject
    Office office;

    public byte[] pdf(MonthlyReport report, MonthlyTable table, Locale locale) {
        ZoneId zone = tenant.get().zone();
        MonthlySections.Names names = names(locale);
        PdfDocument pdf = PdfDocument.a4(locale, MonthlySections.text(locale, "report.page")).landscape()
                .noRows(MonthlySections.text(locale, "report.noRows"))
                .tenant(tenant.get().name(locale), setup.logo().map(TenantLogo::content).orElse(null))
                .title(MonthlySections.text(locale, "report.monthly.title"))
                .subtitle(MonthlySections.subtitle(report, locale));
        for (MonthlySections.Section section : MonthlySections.of(report, table, names, locale)) {
            List<List<?>> rows = new ArrayList<>();
            for (List<Object> row : section.rows()) {
                rows.add(row.stream().map(v -> v instanceof LocalDateTime t ? SHORT.format(t) : v).toList());
            }
            pdf.table(section.heading(), section.columns(), rows);
        }
        return pdf.signatures(MonthlySections.text(locale, "report.signature.date"), List.of(
                new PdfDocument.Signature(MonthlySections.text(locale, "report.monthly.signature.prepared"),
                        names.person(report.preparedBy()), day(report.preparedAt(), zone)),
                new PdfDocument.Signature(MonthlySections.text(locale, "report.monthly.signature.signed"),
                        names.person(report.signedBy()), day(report.signedAt(), zone))))
                .render();
    }

    public byte[] xlsx(MonthlyReport report, MonthlyTable table, Locale locale) {
        List<Xlsx.Sheet> sheets = new ArrayList<>();
        for (MonthlySections.Section section : MonthlySections.of(report, table, names(locale), locale)) {
            sheets.add(new Xlsx.Sheet(section.heading(), section.columns(), section.rows()));
        }
        return Xlsx.write(sheets);
    }

    /** The file name: {@code monthly-2026-11-r1.pdf}. */
    public static String fileName(MonthlyReport report, String extension) {
        return "monthly-" + report.month() + "-r" + report.revision() + "." + extension;
    }

    MonthlySections.Names names(Locale locale) {
        Map<String, String> departments = new HashMap<>();
        workspace.departments().forEach(d -> departments.put(d.code().value(), d.name().in(locale)));
        Map<String, String> categories = new HashMap<>();
        workspace.categories().forEach(c -> categories.put(c.code().value(), c.name().in(locale)));
        Map<String, String> people = new HashMap<>();
        for (Member m : office.staff()) {
            people.put(m.username(), m.displayName() == null || m.displayName().isBlank() ? m.username()
                    : m.displayName());
        }
        return new MonthlySections.Names(departments, categories, people);
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at == null ? null : LocalDate.ofInstant(at, zone);
    }
}
