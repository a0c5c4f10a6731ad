package io.kefu.problem;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/**
 * Writes a boundary's changes before it returns, so that what another request changed meanwhile (a version)
 * or inserted first (a unique key) is reported by the boundary as a conflict, in the user's language, instead
 * of failing the commit afterwards as a bare error.
 */
public final class Writes {

    /** The message key of a row another transaction inserted first (a unique key met at the flush). */
    public static final String DUPLICATE = "concurrent.duplicate";

    private Writes() {
    }

    public static void flush(EntityManager em) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw KefuException.conflict("concurrent.change");
        } catch (PersistenceException e) {
            if (e.getCause() instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
                throw KefuException.conflict("concurrent.change");
            }
            if (isConstraintViolation(e)) {
                throw KefuException.conflict(DUPLICATE);
            }
            throw e;
        }
    }

    private static boolean isConstraintViolation(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }
}
