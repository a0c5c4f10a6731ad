package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Who hears about a case, through a real SMTP server (GreenMail) started by the test run: the resident gets the
 * number and the tracking link, and the replies; a major complaint reaches the manager at once, in the app and
 * by mail, and the manager's acknowledgement is recorded.
 */
@SharedPortal.Client
class NotificationsIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String HUIJING = "/api/v1/tenants/huijing-property";

    @SharedPortal.Base
    URL base;

    @Test
    void theResidentGetsTheNumberTheTrackingLinkAndTheRepliesByMail() throws Exception {
        PortalClient.awaitReady(base);
        String address = "resident-" + System.nanoTime() + "@example.com";
        HttpResponse<String> filed = PortalClient.anonymous(base).postJson(HUIJING + "/complaints",
                "{\"kind\":\"REPAIR\",\"description\":\"电梯异响\",\"contactPhone\":\"13800138000\",\"contactEmail\":\""
                        + address + "\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        JsonObject body = PortalClient.json(filed);
        String number = body.getString("number");

        List<MimeMessage> mails = MailServer.awaitMail(address, number, 40);
        assertEquals(1, mails.size(), "one confirmation");
        String text = (String) mails.get(0).getContent();
        assertTrue(text.contains("/t/huijing-property/track/" + body.getString("trackingToken")), text);

        PortalClient desk = PortalClient.basic(base, "huijing.staff", PASSWORD);
        JsonObject c = PortalClient.json(desk.postJson(HUIJING + "/complaints/" + number + "/actions/accept",
                "{\"version\":1}"));
        HttpResponse<String> reply = desk.postJson(HUIJING + "/complaints/" + number + "/actions/reply",
                "{\"version\":" + c.getInt("version") + ",\"text\":\"您好，维修师傅明天上午上门检查，谢谢！\"}");
        assertEquals(200, reply.statusCode(), reply.body());
        List<MimeMessage> replies = MailServer.awaitMail(address, "答复", 40);
        assertEquals(1, replies.size());
        String replyText = (String) replies.get(0).getContent();
        assertTrue(replyText.contains("维修师傅明天上午上门检查") && replyText.contains(number), replyText);
        // The office cannot read the first link back (only its hash is kept): the reply carries a new one.
        Matcher link = TRACKING_LINK.matcher(replyText);
        assertTrue(link.find(), replyText);
        PortalClient resident = PortalClient.anonymous(base);
        for (String token : List.of(link.group(1), body.getString("trackingToken"))) {
            HttpResponse<String> tracked = resident.get(HUIJING + "/tracking/" + token);
            assertEquals(200, tracked.statusCode(), tracked.body());
            assertEquals(number, PortalClient.json(tracked).getString("number"));
        }
    }

    private static final Pattern TRACKING_LINK = Pattern.compile("/t/huijing-property/track/([A-Za-z0-9_-]{43})");

    @Test
    void aMajorComplaintReachesTheManagerAtOnceWhoAcknowledgesIt() throws Exception {
        PortalClient.awaitReady(base);
        PortalClient desk = PortalClient.basic(base, "huijing.staff", PASSWORD);
        HttpResponse<String> filed = desk.postJson(HUIJING + "/complaints", "{\"kind\":\"COMPLAINT\",\"description\":"
                + "\"保安与业主发生肢体冲突\",\"contactPhone\":\"13900139000\",\"channel\":\"VISIT\"}");
        String number = PortalClient.json(filed).getString("number");
        JsonObject c = PortalClient.json(desk.postJson(HUIJING + "/complaints/" + number + "/actions/accept",
                "{\"version\":1}"));
        c = PortalClient.json(desk.postJson(HUIJING + "/complaints/" + number + "/actions/classify",
                "{\"version\":" + c.getInt("version") + ",\"severity\":\"MAJOR\",\"kind\":\"COMPLAINT\","
                        + "\"categoryCode\":\"security\"}"));
        assertEquals("MAJOR", c.getString("severity"));
        assertEquals(2, c.getInt("escalationLevel"), "reported to the manager at once");

        PortalClient manager = PortalClient.basic(base, "huijing.supervisor", PASSWORD);
        JsonObject notices = PortalClient.json(manager.get(HUIJING + "/notices"));
        assertTrue(notices.getJsonArray("items").stream().anyMatch(n -> n.asJsonObject().getString("caseNumber")
                .equals(number) && n.asJsonObject().getString("kind").equals("MAJOR")), notices.toString());
        List<MimeMessage> mails = MailServer.awaitMail("huijing.supervisor@demo.kefu.invalid", number, 40);
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getSubject().contains("重大投诉"), mails.get(0).getSubject());

        HttpResponse<String> byStaff = desk.postJson(HUIJING + "/complaints/" + number + "/actions/acknowledge",
                "{\"version\":" + c.getInt("version") + "}");
        assertEquals(403, byStaff.statusCode(), "only a supervisor acknowledges");
        HttpResponse<String> acknowledged = manager.postJson(HUIJING + "/complaints/" + number
                + "/actions/acknowledge", "{\"version\":" + c.getInt("version") + "}");
        assertEquals(200, acknowledged.statusCode(), acknowledged.body());
        assertEquals("huijing.supervisor", PortalClient.json(acknowledged).getString("majorAcknowledgedBy"));
    }
}
