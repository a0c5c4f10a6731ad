package io.kefu.admin.survey;

import io.kefu.faces.FacesFailures;
import io.kefu.faces.QuestionView;
import io.kefu.i18n.LocalizedName;
import io.kefu.problem.KefuException;
import io.kefu.survey.boundary.SurveyTemplates;
import io.kefu.survey.entity.LocalizedText;
import io.kefu.survey.entity.Question;
import io.kefu.survey.entity.QuestionDraft;
import io.kefu.survey.entity.QuestionKind;
import io.kefu.survey.entity.SurveyTemplate;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.entity.Code;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The questionnaires of the surveys page (/t/{tenant}/admin/surveys) and the editor of one questionnaire with its
 * preview; the page's rules are {@link SurveyRulesPage}'s, its campaigns {@link CampaignsPage}'s. View-scoped for
 * the editor's rows; saving an answered questionnaire makes its next version, which the page says.
 */
@Named
@ViewScoped
public class SurveysPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SurveyTemplates templates;

    @Inject
    CurrentTenant currentTenant;

    /** One question being edited; options one a line, "中文 | English". */
    public static class QuestionRow implements Serializable {

        private static final long serialVersionUID = 1L;
        private String kind = QuestionKind.RATING.name();
        private boolean required = true;
        private String textZh;
        private String textEn;
        private String options;

        QuestionRow() {
        }

        QuestionRow(Question question) {
            this.kind = question.kind().name();
            this.required = question.required();
            this.textZh = question.textZh();
            this.textEn = question.textEn();
            this.options = String.join("\n", question.options().stream().map(o -> o.zh() + " | " + o.en()).toList());
        }

        QuestionDraft draft() {
            List<LocalizedText> parsed = new ArrayList<>();
            if (options != null) {
                for (String line : options.split("\\R")) {
                    if (!line.isBlank()) {
                        String[] parts = line.split("\\|", 2);
                        parsed.add(new LocalizedText(parts[0].strip(), parts.length > 1 ? parts[1].strip() : ""));
                    }
                }
            }
            return new QuestionDraft(kind == null ? null : QuestionKind.valueOf(kind), required, textZh, textEn,
                    parsed);
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }

        public String getTextZh() {
            return textZh;
        }

        public void setTextZh(String textZh) {
            this.textZh = textZh;
        }

        public String getTextEn() {
            return textEn;
        }

        public void setTextEn(String textEn) {
            this.textEn = textEn;
        }

        public String getOptions() {
            return options;
        }

        public void setOptions(String options) {
            this.options = options;
        }
    }

    /** The questionnaire in the editor: null for a new one. */
    private Code editing;
    private long editingVersion;
    private String code;
    private String nameZh;
    private String nameEn;
    private List<QuestionRow> questions = new ArrayList<>();
    private List<QuestionView> preview;
    private transient List<SurveyTemplate> all;

    @PostConstruct
    void load() {
        startNew();
    }

    public void startNew() {
        editing = null;
        code = null;
        nameZh = null;
        nameEn = null;
        questions = new ArrayList<>(List.of(new QuestionRow()));
        preview = null;
    }

    public void edit(Code templateCode) {
        SurveyTemplate latest;
        try {
            latest = templates.latest(templateCode);
        } catch (KefuException e) {
            FacesFailures.show(e, null);
            return;
        }
        editing = latest.code();
        editingVersion = latest.version();
        code = editing.value();
        nameZh = latest.name().zh();
        nameEn = latest.name().en();
        questions = new ArrayList<>(latest.questions().stream().map(QuestionRow::new).toList());
        preview = null;
    }

    public void addQuestion() {
        questions.add(new QuestionRow());
    }

    public void removeQuestion(QuestionRow row) {
        if (questions.size() > 1) {
            questions.remove(row);
        }
    }

    public void moveUp(QuestionRow row) {
        int i = questions.indexOf(row);
        if (i > 0) {
            questions.remove(i);
            questions.add(i - 1, row);
        }
    }

    public void showPreview() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        List<QuestionView> views = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            views.add(new QuestionView(i + 1, questions.get(i).draft(), locale));
        }
        preview = views;
    }

    public void save() {
        try {
            List<QuestionDraft> drafts = questions.stream().map(QuestionRow::draft).toList();
            SurveyTemplate saved;
            if (editing == null) {
                saved = templates.create(Code.typed(code), new LocalizedName(nameZh, nameEn), drafts);
            } else {
                saved = templates.revise(editing, new LocalizedName(nameZh, nameEn), drafts, editingVersion);
            }
            all = null;
            edit(saved.code());
            FacesFailures.info("admin.survey.saved", saved.versionNo());
        } catch (KefuException e) {
            showEditorFailure(e);
        }
    }

    /** A question's failure names its number ("Question 2: …"), the others go on their input. */
    private static void showEditorFailure(KefuException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        List<KefuException> rest = new ArrayList<>();
        for (KefuException one : e.fieldFailures().isEmpty() ? List.of(e) : e.fieldFailures()) {
            java.util.regex.Matcher question = one.field() == null ? null
                    : java.util.regex.Pattern.compile("^questions\\[(\\d+)\\]").matcher(one.field());
            if (question != null && question.find()) {
                faces.addMessage(null, new jakarta.faces.application.FacesMessage(
                        jakarta.faces.application.FacesMessage.SEVERITY_ERROR, FacesFailures.text(faces,
                                "admin.survey.question.error", question.group(1),
                                FacesFailures.text(faces, one.messageKey(), one.arguments())), null));
            } else {
                rest.add(one);
            }
        }
        for (KefuException one : rest) {
            FacesFailures.show(one, "editor");
        }
        faces.validationFailed();
    }

    public void publish(Code templateCode, int versionNo) {
        templates.publish(templateCode, versionNo);
        all = null;
        FacesFailures.info("admin.survey.published", templateCode, versionNo);
    }

    /** The tenant's templates. */
    public List<SurveyTemplate> getTemplates() {
        if (all == null) {
            all = templates.all();
        }
        return all;
    }

    public boolean answered(SurveyTemplate template) {
        return templates.isAnswered(template);
    }

    public String results(SurveyTemplate template, String extension) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/tenants/"
                + currentTenant.get().slug().value() + "/surveys/templates/" + template.code().value() + "/versions/"
                + template.versionNo() + "/results." + extension;
    }

    public List<String> getKinds() {
        return java.util.Arrays.stream(QuestionKind.values()).map(Enum::name).toList();
    }

    public boolean isNew() {
        return editing == null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public List<QuestionRow> getQuestions() {
        return questions;
    }

    public List<QuestionView> getPreview() {
        return preview;
    }
}
