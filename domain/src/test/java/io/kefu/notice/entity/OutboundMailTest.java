package io.kefu.notice.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A mail that cannot be delivered waits longer after each failure, so an SMTP outage does not lose it; a private
 * link in it is kept only until it is out.
 */
class OutboundMailTest {

    private static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");

    @Test
    void waitsTwoFourEightMinutesAndAtMostAnHourBetweenAttempts() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        OutboundMail mail = new OutboundMail(1, "wang@example.com", "subject", "body", clock);
        long[] expectedMinutes = {2, 4, 8, 16, 32, 60, 60};
        for (long minutes : expectedMinutes) {
            mail.failed("connection refused", clock);
            assertEquals(T0.plus(Duration.ofMinutes(minutes)), mail.claimedUntil().toInstant());
        }
    }

    @Test
    void aPrivateLinkGoesOutOnceAndIsThenForgotten() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        OutboundMail mail = new OutboundMail(1, "wang@example.com", "subject", "您好！\n\n",
                "https://kefu.example.com/t/x/track/secret", clock);
        assertEquals("您好！\n\nhttps://kefu.example.com/t/x/track/secret", mail.text());
        mail.failed("connection refused", clock);
        assertEquals("您好！\n\nhttps://kefu.example.com/t/x/track/secret", mail.text(), "kept while it is retried");

        mail.sent(clock);

        assertEquals("您好！\n\n", mail.text());
    }

    @Test
    void aMailGivenUpForgetsItsPrivateLinkToo() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        OutboundMail mail = new OutboundMail(1, "wang@example.com", "subject", "body ", "link", clock);
        for (int i = 0; i < OutboundMail.MAX_ATTEMPTS; i++) {
            mail.failed("connection refused", clock);
        }
        assertEquals("body ", mail.text());
    }
}
