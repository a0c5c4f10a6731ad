package io.kefu.resident.boundary;

import io.kefu.resident.entity.ResidentImport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;

/**
 * Records how far a running import has come, each time in a short transaction of its own: the import's rows
 * are written in one long transaction that nobody else sees until it commits, while its progress must be
 * visible at once to the page polling it, on whichever node.
 */
@ApplicationScoped
public class ImportProgress {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(TxType.REQUIRES_NEW)
    public void record(long importId, int doneRows) {
        em.createNamedQuery(ResidentImport.BY_ID, ResidentImport.class).setParameter("id", importId)
                .getResultStream().findFirst().ifPresent(run -> run.progress(doneRows, clock));
    }

    /**
     * Gives up an import whose node stopped ({@link ResidentImport#abandonIfSilent}), asked by whichever node reads
     * it. Should that node still be writing after all, the two meet on the row's version and one of them fails:
     * either this gives up nothing, or the late finish rolls back with everything it took.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void abandonIfSilent(long importId) {
        em.createNamedQuery(ResidentImport.BY_ID, ResidentImport.class).setParameter("id", importId)
                .getResultStream().findFirst().ifPresent(run -> run.abandonIfSilent(clock));
    }

    /** An import whose rows could not be written (the database failed): done, nothing taken, said so. */
    @Transactional(TxType.REQUIRES_NEW)
    public void fail(long importId) {
        em.createNamedQuery(ResidentImport.BY_ID, ResidentImport.class).setParameter("id", importId)
                .getResultStream().findFirst().ifPresent(ResidentImport::fail);
    }
}
