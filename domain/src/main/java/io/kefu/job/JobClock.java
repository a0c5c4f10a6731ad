package io.kefu.job;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When the minute jobs run: each at its own second of every minute, so that they do not all start together, on
 * every node, the node that takes the job's lease doing the round ({@link JobLeases}).
 *
 * <p>The round can be made shorter with {@code kefu.jobs.round} (a duration that divides a minute into whole rounds
 * of at least 5 s) for a test run that watches jobs work by themselves; production keeps the minute. A job's second
 * then falls in every round ({@code second % round}).
 */
@ApplicationScoped
public class JobClock {

    @Inject
    @ConfigProperty(name = "kefu.jobs.round", defaultValue = "PT1M")
    String configured;

    private Duration round;

    @PostConstruct
    void read() {
        Duration parsed = Duration.parse(configured);
        long seconds = parsed.toSeconds();
        if (parsed.toNanosPart() != 0 || seconds < 5 || 60 % seconds != 0) {
            throw new IllegalStateException("kefu.jobs.round must divide a minute into whole rounds of at least 5 s,"
                    + " like PT1M, PT20S or PT10S: " + configured);
        }
        round = parsed;
    }

    /** Starts a job's timer (not persistent: every node makes its own at start) at {@code second} of each round. */
    public void start(TimerService timers, int second) {
        long seconds = round.toSeconds();
        String at = seconds == 60 ? String.valueOf(second) : (second % seconds) + "/" + seconds;
        timers.createCalendarTimer(new ScheduleExpression().second(at).minute("*").hour("*"),
                new TimerConfig(null, false));
    }

    /** The lease of one round: most of it, so that the other nodes' timers of the same round find it taken. */
    public Duration lease() {
        return round.multipliedBy(5).dividedBy(6);
    }

    /** How often the minute jobs run. */
    public Duration round() {
        return round;
    }
}
