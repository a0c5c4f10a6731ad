package io.kefu.portal.i18n;

import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on pages: in the tenant's zone (deadlines are the office's), written the same way in both languages. */
@Named("when")
@RequestScoped
public class When {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    CurrentTenant tenant;

    /** {@code Instant} or {@code OffsetDateTime}; empty text for nothing. */
    public String at(Object time) {
        Instant instant = time instanceof Instant i ? i : time instanceof OffsetDateTime o ? o.toInstant() : null;
        if (instant == null) {
            return "";
        }
        ZoneId zone = tenant.find().map(t -> t.zone()).orElse(ZoneId.of("Asia/Shanghai"));
        return FORMAT.format(instant.atZone(zone));
    }
}
