package io.kefu.portal.resident;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import org.primefaces.component.fileupload.FileUpload;
import org.primefaces.component.fileupload.FileUploadRenderer;

/**
 * PrimeFaces' file upload, except that its plain browser field ({@code mode="simple"} without {@code skinSimple},
 * the intake form's photos) is no longer marked {@code aria-hidden}: PrimeFaces writes that on the field in both
 * simple variants, right only where its own skinned button stands in for it. On the plain field it hid the only
 * way to attach photos from screen readers, while keyboards still reached it (Lighthouse's aria-hidden-focus).
 * Registered for PrimeFaces' renderer type in {@code faces-config.xml}; every other mode renders as before.
 */
public class NativeFileField extends FileUploadRenderer {

    @Override
    protected void encodeSimpleInputField(FacesContext context, FileUpload fileUpload, String clientId,
            String inputId, String tabindex) throws IOException {
        if (fileUpload.isSkinSimple()) {
            super.encodeSimpleInputField(context, fileUpload, clientId, inputId, tabindex);
            return;
        }
        ResponseWriter writer = context.getResponseWriter();
        context.setResponseWriter(new ResponseWriterWrapper(writer) {
            @Override
            public void writeAttribute(String name, Object value, String property) throws IOException {
                if (!"aria-hidden".equals(name)) {
                    super.writeAttribute(name, value, property);
                }
            }
        });
        try {
            super.encodeSimpleInputField(context, fileUpload, clientId, inputId, tabindex);
        } finally {
            context.setResponseWriter(writer);
        }
    }
}
