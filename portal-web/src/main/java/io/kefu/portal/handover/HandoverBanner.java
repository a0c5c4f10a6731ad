package io.kefu.portal.handover;

import io.kefu.faces.FacesFailures;
import io.kefu.handover.boundary.Handovers;
import io.kefu.handover.entity.Handover;
import io.kefu.portal.complaint.CallerActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The block at the top of the staff desk: hand-overs to the caller's shift they have not acknowledged yet. */
@Named
@RequestScoped
public class HandoverBanner {

    @Inject
    Handovers handovers;

    @Inject
    CallerActor caller;

    private List<Handover> pending;

    public List<Handover> getPending() {
        if (pending == null) {
            pending = handovers.pending(caller.get().username());
        }
        return pending;
    }

    public void acknowledge(String ref) {
        handovers.acknowledge(ref, caller.get().username());
        pending = null;
        FacesFailures.info("handover.acknowledged");
    }
}
