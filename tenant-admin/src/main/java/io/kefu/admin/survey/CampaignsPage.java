package io.kefu.admin.survey;

import io.kefu.faces.FacesFailures;
import io.kefu.i18n.LocalizedName;
import io.kefu.resident.entity.Grade;
import io.kefu.survey.boundary.Campaigns;
import io.kefu.survey.entity.Campaign;
import io.kefu.survey.entity.Segment;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.entity.Code;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The campaigns of the surveys page (/t/{tenant}/admin/surveys): a questionnaire put to a segment of the register
 * (buildings, grades) for a period, its public link and QR code, and how many of those invited answered.
 */
@Named
@ViewScoped
public class CampaignsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Campaigns campaigns;

    @Inject
    CurrentTenant currentTenant;

    private transient List<Campaigns.Standing> campaignList;
    private String campaignCode;
    private String campaignNameZh;
    private String campaignNameEn;
    private Code campaignTemplate;
    private LocalDate opensOn;
    private LocalDate closesOn;
    private boolean anonymousCampaign = true;
    private String segment;
    private String buildings;
    private List<String> grades = new ArrayList<>();

    public void planCampaign() {
        campaigns.plan(Code.typed(campaignCode), new LocalizedName(campaignNameZh, campaignNameEn),
                campaignTemplate, opensOn, closesOn,
                anonymousCampaign, Segment.of(List.of(buildings == null ? "" : buildings), grades), segment);
        campaignList = null;
        campaignCode = null;
        campaignNameZh = null;
        campaignNameEn = null;
        segment = null;
        buildings = null;
        grades = new ArrayList<>();
        FacesFailures.info("admin.saved");
    }

    public void closeCampaign(Code code) {
        campaigns.close(code);
        campaignList = null;
        FacesFailures.info("admin.saved");
    }

    public List<Campaigns.Standing> getCampaigns() {
        if (campaignList == null) {
            campaignList = campaigns.all().stream().map(campaigns::standing).toList();
        }
        return campaignList;
    }

    public String campaignLink(Campaign campaign) {
        return campaigns.link(campaign);
    }

    public String campaignQr(Campaign campaign) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/tenants/"
                + currentTenant.get().slug().value() + "/surveys/campaigns/" + campaign.code().value() + "/qr.png";
    }

    public String getCampaignCode() {
        return campaignCode;
    }

    public void setCampaignCode(String campaignCode) {
        this.campaignCode = campaignCode;
    }

    public String getCampaignNameZh() {
        return campaignNameZh;
    }

    public void setCampaignNameZh(String campaignNameZh) {
        this.campaignNameZh = campaignNameZh;
    }

    public String getCampaignNameEn() {
        return campaignNameEn;
    }

    public void setCampaignNameEn(String campaignNameEn) {
        this.campaignNameEn = campaignNameEn;
    }

    public Code getCampaignTemplate() {
        return campaignTemplate;
    }

    public void setCampaignTemplate(Code campaignTemplate) {
        this.campaignTemplate = campaignTemplate;
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public void setOpensOn(LocalDate opensOn) {
        this.opensOn = opensOn;
    }

    public LocalDate getClosesOn() {
        return closesOn;
    }

    public void setClosesOn(LocalDate closesOn) {
        this.closesOn = closesOn;
    }

    public boolean isAnonymousCampaign() {
        return anonymousCampaign;
    }

    public void setAnonymousCampaign(boolean anonymousCampaign) {
        this.anonymousCampaign = anonymousCampaign;
    }

    public String getSegment() {
        return segment;
    }

    public void setSegment(String segment) {
        this.segment = segment;
    }

    public String getBuildings() {
        return buildings;
    }

    public void setBuildings(String buildings) {
        this.buildings = buildings;
    }

    public List<String> getGrades() {
        return grades;
    }

    public void setGrades(List<String> grades) {
        this.grades = grades == null ? new ArrayList<>() : new ArrayList<>(grades);
    }

    /** The grades a segment may name. */
    public Grade[] getGradeChoices() {
        return Grade.values();
    }
}
