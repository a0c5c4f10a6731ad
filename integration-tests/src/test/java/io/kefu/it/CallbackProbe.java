package io.kefu.it;

import io.kefu.callback.boundary.CallbackWatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Instant;

/** Test support deployed with {@link CallbackIT}: runs a callback round as of a chosen time. */
@ApplicationScoped
public class CallbackProbe {

    @Inject
    CallbackWatch watch;

    @ActivateRequestContext
    public int round(Instant now) {
        return watch.round(now);
    }
}
