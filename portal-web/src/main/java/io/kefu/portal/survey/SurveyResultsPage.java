package io.kefu.portal.survey;

import jakarta.json.spi.JsonProvider;
import io.kefu.identity.entity.Role;
import io.kefu.portal.identity.Access;
import io.kefu.problem.KefuException;
import io.kefu.survey.boundary.SurveyResults;
import io.kefu.survey.boundary.SurveyTemplates;
import io.kefu.survey.entity.LocalizedText;
import io.kefu.survey.entity.QuestionKind;
import io.kefu.survey.entity.SurveyTemplate;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.entity.Code;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Survey results for supervisors (/t/{tenant}/staff/surveys?v=code:n&amp;by=DEPARTMENT): the totals and
 * response rate of a template version, a chart of the average rating and NPS per group, each question's
 * figures, and the CSV, Excel and PDF downloads (the API's, with the session). Chosen by a plain GET form, so a
 * view of the results is a link to keep.
 */
@Named
@RequestScoped
public class SurveyResultsPage {

    /** Looked up once: {@code Json.createXxx} asks the ServiceLoader every time (see JsonBody). */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A template version as offered in the choice: {@code code:n} and its label. */
    public record VersionChoice(String value, String label) {
    }

    @Inject
    SurveyTemplates templates;

    @Inject
    SurveyResults results;

    @Inject
    Access access;

    @Inject
    CurrentTenant tenant;

    private String v;
    private String by;
    private SurveyTemplate template;
    private SurveyResults.Summary summary;
    private List<SurveyResults.Group> groups = List.of();
    private SurveyResults.By dimension = SurveyResults.By.DEPARTMENT;

    public void load() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!access.hasAny(EnumSet.of(Role.SUPERVISOR))) {
            faces.getExternalContext().responseSendError(403, "");
            faces.responseComplete();
            return;
        }
        dimension = Arrays.stream(SurveyResults.By.values()).filter(b -> b.name().equals(by)).findFirst()
                .orElse(SurveyResults.By.DEPARTMENT);
        try {
            template = selected();
        } catch (KefuException e) {
            template = null;
        }
        if (template != null) {
            summary = results.summary(template);
            groups = results.breakdown(template, dimension);
        }
    }

    private SurveyTemplate selected() {
        if (v != null && v.matches("^[a-z0-9][a-z0-9-]{0,39}:\\d{1,6}$")) {
            String[] parts = v.split(":");
            return templates.version(new Code(parts[0]), Integer.parseInt(parts[1]));
        }
        String postCase = templates.postCaseForm().map(t -> t.code().value()).orElse(null);
        return templates.all().stream().filter(t -> postCase == null || t.code().value().equals(postCase))
                .findFirst().map(t -> templates.published(t.code()).orElse(t)).orElse(null);
    }

    public List<VersionChoice> getVersions() {
        Locale locale = locale();
        List<VersionChoice> choices = new ArrayList<>();
        for (SurveyTemplate latest : templates.all()) {
            for (SurveyTemplate version : templates.versions(latest.code())) {
                choices.add(new VersionChoice(version.code().value() + ":" + version.versionNo(),
                        version.name().in(locale) + " · v" + version.versionNo()));
            }
        }
        return choices;
    }

    /** The Chart.js configuration of the bar chart: average rating (left axis) and NPS (right axis) per group. */
    public String getChart() {
        ResourceBundle texts = bundle();
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder ratings = JSON.createArrayBuilder();
        JsonArrayBuilder nps = JSON.createArrayBuilder();
        for (SurveyResults.Group group : groups) {
            labels.add(group.key() == null ? texts.getString("survey.results.noGroup") : group.key());
            if (group.averageRating() == null) {
                ratings.addNull();
            } else {
                ratings.add(Math.round(group.averageRating() * 100) / 100.0);
            }
            if (group.nps() == null) {
                nps.addNull();
            } else {
                nps.add(Math.round(group.nps() * 10) / 10.0);
            }
        }
        return JSON.createObjectBuilder()
                .add("type", "bar")
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("label", texts.getString("survey.results.averageRating"))
                                .add("data", ratings).add("yAxisID", "rating").add("backgroundColor", "#1f6feb"))
                        .add(JSON.createObjectBuilder().add("label", "NPS").add("data", nps).add("yAxisID", "nps")
                                .add("backgroundColor", "#f59e0b"))))
                .add("options", JSON.createObjectBuilder().add("maintainAspectRatio", false)
                        .add("scales", JSON.createObjectBuilder()
                                .add("rating", JSON.createObjectBuilder().add("type", "linear").add("position", "left")
                                        .add("min", 0).add("max", 5))
                                .add("nps", JSON.createObjectBuilder().add("type", "linear").add("position", "right")
                                        .add("min", -100).add("max", 100)
                                        .add("grid", JSON.createObjectBuilder().add("drawOnChartArea", false)))))
                .build().toString();
    }

    /** A question's distribution as text: "5: 2 · 4: 1" or "Phone: 1 · Online: 2". */
    public String distribution(SurveyResults.QuestionResult result) {
        List<LocalizedText> options = result.question().options();
        boolean choice = result.question().kind() == QuestionKind.SINGLE
                || result.question().kind() == QuestionKind.MULTIPLE;
        Locale locale = locale();
        return result.distribution().entrySet().stream().map(e -> (choice && e.getKey() < options.size()
                ? options.get(e.getKey()).in(locale) : String.valueOf(e.getKey())) + ": " + e.getValue())
                .collect(Collectors.joining(" · "));
    }

    public String export(String extension) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/tenants/"
                + tenant.get().slug().value() + "/surveys/templates/" + template.code().value() + "/versions/"
                + template.versionNo() + "/results." + extension;
    }

    public String getTitle() {
        return template == null ? null : template.name().in(locale()) + " · v" + template.versionNo();
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    private static ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }

    public List<SurveyResults.By> getDimensions() {
        return List.of(SurveyResults.By.values());
    }

    public String getSelected() {
        return template == null ? null : template.code().value() + ":" + template.versionNo();
    }

    public SurveyResults.By getDimension() {
        return dimension;
    }

    public SurveyResults.Summary getSummary() {
        return summary;
    }

    public List<SurveyResults.Group> getGroups() {
        return groups;
    }

    public String getV() {
        return v;
    }

    public void setV(String v) {
        this.v = v;
    }

    public String getBy() {
        return by;
    }

    public void setBy(String by) {
        this.by = by;
    }
}
