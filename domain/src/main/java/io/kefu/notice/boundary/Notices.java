package io.kefu.notice.boundary;

import io.kefu.time.Clocks;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.TrackingKey;
import io.kefu.identity.boundary.Member;
import io.kefu.notice.entity.Notice;
import io.kefu.notice.entity.MailQueued;
import io.kefu.notice.entity.OutboundMail;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells people about cases: staff by an in-app notice and an e-mail, residents by e-mail only. Everything is
 * written in the caller's transaction — notices and the mail queue alike — so an action that fails tells
 * nobody, and one that succeeds is not forgotten if the node dies before the mail is out. Mails are written in
 * the tenant's language and always carry the case number (every reply goes out with it).
 */
@ApplicationScoped
@Transactional
public class Notices {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    EntityManager em;

    @Inject
    Event<MailQueued> queued;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kefu.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** Without an SMTP server nothing would ever deliver the queue: mails are then not queued at all. */
    @Inject
    @ConfigProperty(name = "kefu.smtp.host")
    java.util.Optional<String> smtpHost;

    /** An in-app notice for each recipient, and a mail to those with an address. Once per person. */
    public void tell(Collection<Member> recipients, Notice.Kind kind, Complaint complaint) {
        Map<String, Member> once = new LinkedHashMap<>();
        recipients.forEach(m -> once.putIfAbsent(m.username(), m));
        TenantRef t = tenant.get();
        ResourceBundle texts = texts(t.defaultLocale());
        String link = publicUrl + "/t/" + t.slug().value() + "/staff/cases/" + complaint.number();
        for (Member member : once.values()) {
            em.persist(new Notice(member.username(), kind, complaint.number().toString(), clock));
            if (member.email() != null && !member.email().isBlank()) {
                queue(member.email(), format(texts, "subject." + kind, t, complaint),
                        format(texts, "body." + kind, t, complaint) + "\n\n" + link);
            }
        }
    }

    /** Tells the manager (in the app and by mail) that the monthly table of {@code month} is not published yet. */
    public void remindOfReport(Collection<Member> recipients, YearMonth month) {
        Map<String, Member> once = new LinkedHashMap<>();
        recipients.forEach(m -> once.putIfAbsent(m.username(), m));
        ResourceBundle texts = texts(tenant.get().defaultLocale());
        for (Member member : once.values()) {
            em.persist(Notice.aboutReport(member.username(), Notice.Kind.REPORT_DUE, month, clock));
            if (member.email() != null && !member.email().isBlank()) {
                queue(member.email(), report(texts, "subject.REPORT_DUE", month, 1),
                        report(texts, "body.REPORT_DUE", month, 1) + "\n\n" + reportsLink(month));
            }
        }
    }

    /**
     * Tells the owner of a corrective action and the manager that it passed its due date open: an in-app notice
     * naming the action and a mail with a link to its quarter's report. Once per person.
     */
    public void tellActionOverdue(Collection<Member> recipients, String ref, String quarter, String description,
            java.time.LocalDate due) {
        Map<String, Member> once = new LinkedHashMap<>();
        recipients.forEach(m -> once.putIfAbsent(m.username(), m));
        TenantRef t = tenant.get();
        ResourceBundle texts = texts(t.defaultLocale());
        String link = publicUrl + "/t/" + t.slug().value() + "/staff/quarterly?q=" + quarter;
        Object[] values = {t.name(texts.getLocale()), ref, description.length() > 200
                ? description.substring(0, 200) + "…" : description, due.toString()};
        for (Member member : once.values()) {
            em.persist(new Notice(member.username(), Notice.Kind.ACTION_OVERDUE, ref, clock));
            if (member.email() != null && !member.email().isBlank()) {
                queue(member.email(), new MessageFormat(texts.getString("subject.ACTION_OVERDUE"), texts.getLocale())
                        .format(values), new MessageFormat(texts.getString("body.ACTION_OVERDUE"), texts.getLocale())
                        .format(values) + "\n\n" + link);
            }
        }
    }

    /**
     * Tells the supervisors that {@code who} asked for access to a protected record
     * ({@link Notice.Kind#ACCESS_REQUESTED}) or opened one by break-glass ({@link Notice.Kind#BREAK_GLASS}), with
     * the reason: an in-app notice about the case the request came from (or the record's key) and a mail to those
     * with an address. Once per person.
     */
    public void tellAccess(Collection<Member> recipients, Notice.Kind kind, String about, String who, String reason) {
        Map<String, Member> once = new LinkedHashMap<>();
        recipients.forEach(m -> once.putIfAbsent(m.username(), m));
        TenantRef t = tenant.get();
        ResourceBundle texts = texts(t.defaultLocale());
        String link = publicUrl + "/t/" + t.slug().value() + "/staff/grants";
        Object[] values = {t.name(texts.getLocale()), about, who, reason};
        for (Member member : once.values()) {
            em.persist(new Notice(member.username(), kind, about, clock));
            if (member.email() != null && !member.email().isBlank()) {
                queue(member.email(), new MessageFormat(texts.getString("subject." + kind), texts.getLocale())
                        .format(values), new MessageFormat(texts.getString("body." + kind), texts.getLocale())
                        .format(values) + "\n\n" + link);
            }
        }
    }

    /**
     * Tells the supervisors that nobody of shift {@code shiftName} acknowledged hand-over {@code ref} of {@code author}
     * in time: an in-app notice naming the hand-over and a mail with a link to it. Once per person.
     */
    public void tellHandoverUnacknowledged(Collection<Member> recipients, String ref, String shiftName,
            String author) {
        Map<String, Member> once = new LinkedHashMap<>();
        recipients.forEach(m -> once.putIfAbsent(m.username(), m));
        TenantRef t = tenant.get();
        ResourceBundle texts = texts(t.defaultLocale());
        String link = publicUrl + "/t/" + t.slug().value() + "/staff/handover?ref=" + ref;
        Object[] values = {t.name(texts.getLocale()), ref, shiftName, author};
        Notice.Kind kind = Notice.Kind.HANDOVER_UNACKNOWLEDGED;
        for (Member member : once.values()) {
            em.persist(new Notice(member.username(), kind, ref, clock));
            if (member.email() != null && !member.email().isBlank()) {
                queue(member.email(), new MessageFormat(texts.getString("subject." + kind), texts.getLocale())
                        .format(values), new MessageFormat(texts.getString("body." + kind), texts.getLocale())
                        .format(values) + "\n\n" + link);
            }
        }
    }

    /** Mails a published monthly table (its PDF attached) to each recipient with an address, once per person. */
    public void mailReport(Collection<Member> recipients, YearMonth month, int revision,
            OutboundMail.Attachment pdf) {
        if (smtpHost.isEmpty()) {
            return;
        }
        Map<String, Member> once = new LinkedHashMap<>();
        recipients.forEach(m -> once.putIfAbsent(m.username(), m));
        ResourceBundle texts = texts(tenant.get().defaultLocale());
        for (Member member : once.values()) {
            if (member.email() != null && !member.email().isBlank()) {
                em.persist(new OutboundMail(tenant.get().id(), member.email(),
                        report(texts, "subject.REPORT_PUBLISHED", month, revision),
                        report(texts, "body.REPORT_PUBLISHED", month, revision) + "\n\n" + reportsLink(month), pdf,
                        clock));
                queued.fire(new MailQueued());
            }
        }
    }

    private String reportsLink(YearMonth month) {
        return publicUrl + "/t/" + tenant.get().slug().value() + "/staff/reports?month=" + month;
    }

    private String report(ResourceBundle texts, String key, YearMonth month, int revision) {
        return new MessageFormat(texts.getString(key), texts.getLocale()).format(new Object[] {
            tenant.get().name(texts.getLocale()), month.toString(), String.valueOf(revision)});
    }

    /** Tells the resident their case was registered, with the number and the private tracking link. */
    public void confirmFiling(Complaint complaint, String trackingToken) {
        if (complaint.contactEmail() == null || smtpHost.isEmpty()) {
            return;
        }
        TenantRef t = tenant.get();
        ResourceBundle texts = texts(t.defaultLocale());
        queue(complaint.contactEmail(), format(texts, "subject.FILED", t, complaint),
                format(texts, "body.FILED", t, complaint) + "\n\n", trackingLink(t, trackingToken));
    }

    /**
     * Tells the resident about a public reply, when they left an address. The link is a new one to the same
     * case: the first is stored only as a hash and cannot be read back.
     */
    public void tellResident(Complaint complaint, String text) {
        if (complaint.contactEmail() == null || smtpHost.isEmpty()) {
            return;
        }
        TenantRef t = tenant.get();
        ResourceBundle texts = texts(t.defaultLocale());
        TrackingKey.Issued link = TrackingKey.issue(complaint, clock);
        em.persist(link.key());
        queue(complaint.contactEmail(), format(texts, "subject.REPLY", t, complaint), text + "\n\n"
                + format(texts, "body.REPLY", t, complaint) + "\n", trackingLink(t, link.token()));
    }

    private String trackingLink(TenantRef t, String token) {
        return publicUrl + "/t/" + t.slug().value() + "/track/" + token;
    }

    /** Invites the resident to the post-case survey, when they left an address; the link works once. */
    public void inviteToSurvey(Complaint complaint, String surveyLink) {
        if (complaint.contactEmail() == null) {
            return;
        }
        TenantRef t = tenant.get();
        ResourceBundle texts = texts(t.defaultLocale());
        queue(complaint.contactEmail(), format(texts, "subject.SURVEY", t, complaint),
                format(texts, "body.SURVEY", t, complaint) + "\n\n" + surveyLink);
    }

    public List<Notice> unread(String username) {
        return em.createNamedQuery(Notice.UNREAD, Notice.class).setParameter("recipient", username)
                .setMaxResults(100).getResultList();
    }

    public List<Notice> recent(String username) {
        return em.createNamedQuery(Notice.RECENT, Notice.class).setParameter("recipient", username)
                .setMaxResults(50).getResultList();
    }

    public long unreadCount(String username) {
        return em.createNamedQuery(Notice.COUNT_UNREAD, Long.class).setParameter("recipient", username)
                .getSingleResult();
    }

    /** The caller's major-complaint alerts not yet acknowledged, newest first. */
    public List<Notice> openAlerts(String username) {
        return em.createNamedQuery(Notice.OPEN_ALERTS, Notice.class).setParameter("recipient", username)
                .getResultList();
    }

    /**
     * The caller acknowledges one of their alerts; empty when there is no alert of that id for them (another
     * person's, another tenant's, or no alert at all: the same answer, so an id tells nothing).
     */
    public java.util.Optional<Notice> acknowledge(String username, long noticeId) {
        Notice notice = em.find(Notice.class, noticeId);
        if (notice == null || !notice.recipient().equals(username) || !notice.isAlert()) {
            return java.util.Optional.empty();
        }
        notice.acknowledge(clock);
        return java.util.Optional.of(notice);
    }

    public int markAllRead(String username) {
        return em.createNamedQuery(Notice.MARK_READ).setParameter("recipient", username)
                .setParameter("now", Clocks.utcNow(clock))
                .executeUpdate();
    }

    private void queue(String to, String subject, String body) {
        queue(to, subject, body, null);
    }

    /** {@code privateLink} goes out after the body and is not kept once the mail is sent. */
    private void queue(String to, String subject, String body, String privateLink) {
        if (smtpHost.isEmpty()) {
            return;
        }
        em.persist(new OutboundMail(tenant.get().id(), to, subject, body, privateLink, clock));
        queued.fire(new MailQueued());
    }

    private String format(ResourceBundle texts, String key, TenantRef t, Complaint complaint) {
        String due = WHEN.format(complaint.resolutionDue().atZone(t.zone()));
        // {4}: the promised reply time, which the promise notices name.
        String promised = complaint.promisedReplyBy() == null ? "-"
                : WHEN.format(complaint.promisedReplyBy().atZone(t.zone()));
        return new MessageFormat(texts.getString(key), texts.getLocale()).format(new Object[] {
            t.name(texts.getLocale()), complaint.number().toString(), complaint.description().length() > 200
                    ? complaint.description().substring(0, 200) + "…" : complaint.description(), due, promised});
    }

    private static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle("io.kefu.notice.mail", locale, Notices.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
