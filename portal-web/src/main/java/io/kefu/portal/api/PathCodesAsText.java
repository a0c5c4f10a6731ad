package io.kefu.portal.api;

import io.kefu.workspace.entity.Code;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The API document's path parameters bound to a value class ({@link CodeParams}): the scanner describes such a
 * parameter as an object, while in the address it is the code's text. Registered in
 * {@code META-INF/microprofile-config.properties} ({@code mp.openapi.filter}).
 */
public class PathCodesAsText implements OASFilter {

    @Override
    public Parameter filterParameter(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (parameter.getIn() == Parameter.In.PATH && schema != null
                && schema.getType() == Schema.SchemaType.OBJECT) {
            schema.setType(Schema.SchemaType.STRING);
            schema.setPattern(Code.FORMAT_PATTERN);
            schema.setMaxLength(Code.MAX_LENGTH);
        }
        return parameter;
    }
}
