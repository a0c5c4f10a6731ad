package io.kefu.faces;

import io.kefu.problem.KefuException;
import io.kefu.workspace.entity.Code;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

/**
 * Lets page beans and menus hold a {@link Code} instead of its text: a menu of departments or questionnaires
 * binds {@code itemValue="#{d.code()}"} to a {@code Code} property. Nothing chosen is {@code null}; a malformed
 * value (only a forged post sends one) is refused on the input with the domain's message, read as
 * {@link Code#typed} reads what a person typed.
 *
 * <p>Registered for the class in portal-web's {@code faces-config.xml} as well: Faces scans a jar's annotations
 * only when the jar has a {@code faces-config.xml} of its own, which this one has not.
 */
@FacesConverter(forClass = Code.class)
public class CodeConverter implements Converter<Code> {

    @Override
    public Code getAsObject(FacesContext faces, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Code.typed(value);
        } catch (KefuException malformed) {
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    FacesFailures.text(faces, malformed.messageKey(), malformed.arguments()), null), malformed);
        }
    }

    @Override
    public String getAsString(FacesContext faces, UIComponent component, Code code) {
        return code == null ? "" : code.value();
    }
}
