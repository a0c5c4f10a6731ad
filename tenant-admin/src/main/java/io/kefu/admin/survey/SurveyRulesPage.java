package io.kefu.admin.survey;

import io.kefu.faces.FacesFailures;
import io.kefu.survey.boundary.SurveyRules;
import io.kefu.survey.entity.SurveySettings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The survey rules of the surveys page (/t/{tenant}/admin/surveys): which share of resolved cases get the
 * questionnaire after the case, how long after, how long it can be answered, and which questionnaires a case and a
 * callback use.
 */
@Named
@ViewScoped
public class SurveyRulesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SurveyRules rules;

    private Integer percent;
    private Integer delayHours;
    private Integer validityDays;
    private String postCaseTemplate;
    private String callbackTemplate;
    private long settingsVersion;

    @PostConstruct
    void load() {
        SurveySettings settings = rules.settings();
        percent = settings.postCasePercent();
        delayHours = settings.delayHours();
        validityDays = settings.validityDays();
        postCaseTemplate = settings.postCaseTemplate();
        callbackTemplate = settings.callbackTemplate();
        settingsVersion = settings.version();
    }

    public void saveSettings() {
        SurveySettings saved = rules.update(percent, delayHours, validityDays, postCaseTemplate, callbackTemplate,
                settingsVersion);
        settingsVersion = saved.version();
        FacesFailures.info("admin.saved");
    }

    public Integer getPercent() {
        return percent;
    }

    public void setPercent(Integer percent) {
        this.percent = percent;
    }

    public Integer getDelayHours() {
        return delayHours;
    }

    public void setDelayHours(Integer delayHours) {
        this.delayHours = delayHours;
    }

    public Integer getValidityDays() {
        return validityDays;
    }

    public void setValidityDays(Integer validityDays) {
        this.validityDays = validityDays;
    }

    public String getPostCaseTemplate() {
        return postCaseTemplate;
    }

    public void setPostCaseTemplate(String postCaseTemplate) {
        this.postCaseTemplate = postCaseTemplate;
    }

    public String getCallbackTemplate() {
        return callbackTemplate;
    }

    public void setCallbackTemplate(String callbackTemplate) {
        this.callbackTemplate = callbackTemplate;
    }
}
