package io.kefu.confidentiality.boundary;

import io.kefu.confidentiality.entity.ReadEntry;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The current tenant's read log: appended by {@link Disclosure} in the transaction of the read, searched by the
 * tenant's admins and supervisors. Nothing here changes or deletes an entry, and the table would refuse it.
 */
@ApplicationScoped
public class ReadLog {

    /** Rows per INSERT: eleven parameters each, well under PostgreSQL's 65,535 bind parameters. */
    static final int ROWS_PER_STATEMENT = 1000;
    private static final int COLUMNS = 11;
    private static final OffsetDateTime EARLIEST = OffsetDateTime.parse("2000-01-01T00:00:00Z");
    private static final OffsetDateTime LATEST = OffsetDateTime.parse("9999-01-01T00:00:00Z");

    @Inject
    EntityManager em;

    @Inject
    CurrentTenant tenant;

    /**
     * Appends the entries of one page, export or report in one statement (per thousand rows): a list page of
     * fifty protected rows costs one round trip, not fifty. The tenant is the transaction's own, and PostgreSQL's
     * row-level security refuses any other.
     */
    @Transactional(TxType.MANDATORY)
    public void append(List<ReadEntry> entries) {
        for (int from = 0; from < entries.size(); from += ROWS_PER_STATEMENT) {
            List<ReadEntry> chunk = entries.subList(from, Math.min(entries.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("INSERT INTO read_log (tenant_id, at, actor, customer_id,"
                    + " customer_key, level, case_number, channel, basis, grant_key, reason) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append('(');
                for (int c = 1; c <= COLUMNS; c++) {
                    sql.append(c == 1 ? "" : ", ").append('?').append(i * COLUMNS + c);
                }
                sql.append(')');
            }
            Query insert = em.createNativeQuery(sql.toString());
            long tenantId = tenant.get().id();
            for (int i = 0; i < chunk.size(); i++) {
                ReadEntry e = chunk.get(i);
                Object[] values = {tenantId, e.at(), e.actor(), e.customerId(), e.customerKey(), e.level().name(),
                    e.caseNumber(), e.channel().name(), e.basis().name(), e.grantKey(), e.reason()};
                for (int c = 0; c < COLUMNS; c++) {
                    insert.setParameter(i * COLUMNS + c + 1, values[c]);
                }
            }
            insert.executeUpdate();
        }
    }

    /** The newest entries first, optionally only one reader, one record (by key) and a time span. */
    @Transactional
    public List<ReadEntry> page(String actor, String customerKey, OffsetDateTime from, OffsetDateTime to,
            int first, int size) {
        return em.createNamedQuery(ReadEntry.PAGE, ReadEntry.class)
                .setParameter("actor", blankToNull(actor)).setParameter("customer", blankToNull(customerKey))
                .setParameter("from", from == null ? EARLIEST : from).setParameter("to", to == null ? LATEST : to)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, size))
                .getResultList();
    }

    @Transactional
    public long count(String actor, String customerKey, OffsetDateTime from, OffsetDateTime to) {
        return em.createNamedQuery(ReadEntry.COUNT, Long.class)
                .setParameter("actor", blankToNull(actor)).setParameter("customer", blankToNull(customerKey))
                .setParameter("from", from == null ? EARLIEST : from).setParameter("to", to == null ? LATEST : to)
                .getSingleResult();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
