package io.kefu.privacy.control;

import io.kefu.export.Xlsx;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;

/**
 * A {@link CustomerDossier} as the files a customer gets: JSON (the dossier as it is, times with their offset) and an
 * Excel workbook with a sheet per part, headed in the reader's language, times in the tenant's zone. The API and the
 * admin page hand out the same files.
 */
public final class CustomerDataFiles {

    public static final String JSON_MEDIA_TYPE = "application/json";
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    private CustomerDataFiles() {
    }

    /** The file name: {@code customer-<key>.json} or {@code .xlsx}. */
    public static String fileName(String key, String extension) {
        return "customer-" + key + "." + extension;
    }

    public static byte[] json(CustomerDossier dossier) {
        return JSON.toJson(dossier).getBytes(StandardCharsets.UTF_8);
    }

    /** The workbook; {@code texts} holds the {@code privacy.export.*} headings (the portal's message bundle). */
    public static byte[] xlsx(CustomerDossier dossier, ResourceBundle texts, ZoneId zone) {
        CustomerDossier.Record r = dossier.record();
        List<Xlsx.Sheet> sheets = new ArrayList<>();
        sheets.add(sheet(texts, "record", "key,kind,name,confidentiality,vip,handler,notes,created",
                List.of(Arrays.asList(r.key(), r.kind(), r.name(), r.confidentiality(), r.vip(), r.handler(),
                        r.notes(), local(r.createdAt(), zone)))));
        sheets.add(sheet(texts, "register", "building,unit,name,phone,email,grade", dossier.register().stream()
                .map(e -> Arrays.<Object>asList(e.building(), e.unit(), e.name(), e.phone(), e.email(), e.grade()))
                .toList()));
        sheets.add(sheet(texts, "cases", "number,kind,category,status,channel,registered,closed,location,"
                + "contactName,contactPhone,contactEmail,description,desiredOutcome,resolution", dossier.cases()
                .stream().map(c -> Arrays.<Object>asList(c.number(), c.kind(), c.category(), c.status(), c.channel(),
                        local(c.registeredAt(), zone), local(c.closedAt(), zone), c.location(), c.contactName(),
                        c.contactPhone(), c.contactEmail(), c.description(), c.desiredOutcome(), c.resolution()))
                .toList()));
        List<List<Object>> history = new ArrayList<>();
        for (CustomerDossier.Case c : dossier.cases()) {
            for (CustomerDossier.Event e : c.history()) {
                history.add(Arrays.asList(c.number(), local(e.at(), zone), e.actor(), e.action(), e.fromStatus(),
                        e.toStatus(), e.text(), e.publicEvent()));
            }
        }
        sheets.add(sheet(texts, "history", "number,at,actor,action,from,to,text,public", history));
        List<List<Object>> callbacks = new ArrayList<>();
        for (CustomerDossier.Callback t : dossier.callbacks()) {
            if (t.attempts().isEmpty()) {
                callbacks.add(callbackRow(t, null, zone));
            }
            t.attempts().forEach(a -> callbacks.add(callbackRow(t, a, zone)));
        }
        sheets.add(sheet(texts, "callbacks", "number,kind,contactName,contactPhone,status,outcome,created,finished,"
                + "attemptAt,attemptBy,method,reached,satisfaction,score,comment", callbacks));
        sheets.add(sheet(texts, "surveys", "number,submitted,channel,question,score,choice,text", dossier
                .surveyAnswers().stream().map(s -> Arrays.<Object>asList(s.caseNumber(), local(s.submittedAt(), zone),
                        s.channel(), s.question(), s.score(), s.choice(), s.text())).toList()));
        return Xlsx.write(sheets);
    }

    private static List<Object> callbackRow(CustomerDossier.Callback t, CustomerDossier.Attempt a, ZoneId zone) {
        return Arrays.asList(t.caseNumber(), t.kind(), t.contactName(), t.contactPhone(), t.status(), t.outcome(),
                local(t.createdAt(), zone), local(t.finishedAt(), zone), a == null ? null : local(a.at(), zone),
                a == null ? null : a.by(), a == null ? null : a.method(), a == null ? null : a.reached(),
                a == null ? null : a.satisfaction(), a == null ? null : a.score(), a == null ? null : a.comment());
    }

    private static Xlsx.Sheet sheet(ResourceBundle texts, String part, String columns, List<? extends List<?>> rows) {
        List<String> header = Arrays.stream(columns.split(","))
                .map(c -> texts.getString("privacy.export." + part + "." + c)).toList();
        return new Xlsx.Sheet(texts.getString("privacy.export." + part), header, rows);
    }

    private static LocalDateTime local(OffsetDateTime at, ZoneId zone) {
        return at == null ? null : at.atZoneSameInstant(zone).toLocalDateTime();
    }
}
