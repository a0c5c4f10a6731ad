package io.kefu.faces;

import io.kefu.problem.KefuException;
import jakarta.faces.FacesException;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import java.util.Iterator;
import java.util.Map;

/**
 * A {@link KefuException} out of a page action becomes messages on the page instead of an error page: on the
 * inputs of the action's form that the failure names, or at the top ({@link FacesFailures#show}). Page beans
 * call the boundary and let a refusal through; nothing was saved, because the boundary's transaction ended with
 * the exception. Any other exception goes on to PrimeFaces' handler (the error page, for ajax requests too).
 * Registered after PrimeFaces' factory in faces-config.xml, so that it wraps it and sees each exception first.
 */
public final class FailureMessages extends ExceptionHandlerWrapper {

    public FailureMessages(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
                events.hasNext();) {
            ExceptionQueuedEventContext queued = events.next().getContext();
            KefuException failure = refusal(queued.getException());
            if (failure != null) {
                FacesFailures.show(failure, formOf(queued));
                events.remove();
            }
        }
        getWrapped().handle();
    }

    /** The refusal an action ended with, through the expression language's and Faces' wrapping. */
    static KefuException refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof KefuException failure) {
                return failure;
            }
            if (!(t instanceof FacesException) && !(t instanceof jakarta.el.ELException)
                    && !(t instanceof jakarta.ejb.EJBException)) {
                return null;
            }
        }
        return null;
    }

    /**
     * The id of the form the action came from: a failure's field is an input of that form. Faces names the
     * component only for some exceptions; otherwise it is the submitted form, which every form tells by a hidden
     * parameter whose name and value are its client id.
     */
    private static String formOf(ExceptionQueuedEventContext queued) {
        for (UIComponent c = queued.getComponent(); c != null; c = c.getParent()) {
            if (c instanceof UIForm) {
                return c.getId();
            }
        }
        FacesContext faces = queued.getContext();
        for (Map.Entry<String, String> parameter : faces.getExternalContext().getRequestParameterMap().entrySet()) {
            if (parameter.getKey().equals(parameter.getValue())) {
                try {
                    if (faces.getViewRoot().findComponent(":" + parameter.getKey()) instanceof UIForm form) {
                        return form.getId();
                    }
                } catch (IllegalArgumentException notAnId) {
                    // a parameter of the client's making that names no component path
                }
            }
        }
        return null;
    }

    /** The factory faces-config.xml names. */
    public static final class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new FailureMessages(getWrapped().getExceptionHandler());
        }
    }
}
