package io.kefu.faces;

import io.kefu.problem.KefuException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Shows a failure where the user will look: on the input named by the failure's field (component id
 * {@code form:field}), or at the top of the page. Text from the {@code msg} bundle in the page's language.
 */
public final class FacesFailures {

    private FacesFailures() {
    }

    public static void show(KefuException failure, String formId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (failure.fieldFailures().size() > 1) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    text(faces, failure.messageKey(), failure.arguments()), null));
        }
        for (KefuException one : failure.fieldFailures().isEmpty() ? java.util.List.of(failure)
                : failure.fieldFailures()) {
            String text = text(faces, one.messageKey(), one.arguments());
            String clientId = null;
            if (one.field() != null && formId != null) {
                UIComponent input = faces.getViewRoot().findComponent(":" + formId + ":" + one.field());
                clientId = input == null ? null : input.getClientId(faces);
            }
            faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
        faces.validationFailed();
    }

    public static void info(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(faces, key, arguments), null));
    }

    public static String text(FacesContext faces, String key, Object... arguments) {
        try {
            ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern
                    : new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
