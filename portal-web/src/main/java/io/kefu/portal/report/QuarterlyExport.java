package io.kefu.portal.report;

import io.kefu.export.PdfDocument;
import io.kefu.export.Xlsx;
import io.kefu.portal.i18n.Messages;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The quarterly complaint analysis (用户投诉分析报告) as a PDF on the tenant's letterhead, with its revision (and the
 * reason of a correction), the analysis of each cause and the signature block (prepared by, approved by the general
 * manager), and as a workbook with a sheet per section: both from the report's document, so a published revision
 * prints as it was approved.
 */
final class QuarterlyExport {

    private QuarterlyExport() {
    }

    static byte[] pdf(JsonObject doc, Locale locale, String tenantName, byte[] logo, QuarterlyTables.Names names) {
        PdfDocument pdf = PdfDocument.a4(locale, Messages.get(locale, "report.page")).tenant(tenantName, logo)
                .noRows(Messages.get(locale, "report.noRows"))
                .title(Messages.get(locale, "quarterly.pdf.title"))
                .subtitle(Messages.get(locale, "quarterly.pdf.subtitle", doc.getString("quarter"),
                        doc.getInt("revision", 1),
                        Messages.get(locale, "quarterly.status." + doc.getString("status"))));
        String reason = text(doc, "reason");
        if (reason != null) {
            pdf.paragraph(Messages.get(locale, "quarterly.revision.reasonShown", reason));
        }
        for (QuarterlyTables.Table table : QuarterlyTables.of(doc, locale, names)) {
            pdf.table(table.heading(), table.columns(), table.rows());
        }
        return pdf.signatures(Messages.get(locale, "report.signature.date"), List.of(
                new PdfDocument.Signature(Messages.get(locale, "report.signature.preparedBy"), text(doc, "preparedBy"),
                        day(doc, "submittedAt")),
                new PdfDocument.Signature(Messages.get(locale, "quarterly.signature.approvedBy"),
                        text(doc, "approvedBy"), day(doc, "approvedAt"))))
                .render();
    }

    static byte[] xlsx(JsonObject doc, Locale locale, QuarterlyTables.Names names) {
        return Xlsx.write(QuarterlyTables.of(doc, locale, names).stream()
                .map(t -> new Xlsx.Sheet(t.heading(), t.columns(), t.rows())).toList());
    }

    private static String text(JsonObject doc, String field) {
        JsonValue value = doc.get(field);
        return value instanceof JsonString s ? s.getString() : null;
    }

    private static LocalDate day(JsonObject doc, String field) {
        String at = text(doc, field);
        return at == null ? null : OffsetDateTime.parse(at).toLocalDate();
    }
}
