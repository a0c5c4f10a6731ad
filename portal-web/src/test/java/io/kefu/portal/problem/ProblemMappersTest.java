package io.kefu.portal.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.portal.api.CodeParams;
import io.kefu.portal.api.NotFound;
import io.kefu.problem.KefuException;
import io.kefu.workspace.entity.Code;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.util.Locale;
import org.glassfish.jersey.server.ParamException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void malformedCodeInThePathAnswersTheProblemCodeInPathGave() throws NoSuchMethodException {
        Annotation[] annotations = getClass().getDeclaredMethod("campaign", Code.class).getParameterAnnotations()[0];
        ParamConverter<Code> converter = new CodeParams().getConverter(Code.class, Code.class, annotations);
        KefuException thrown = assertThrows(KefuException.class, () -> converter.fromString("Bad_One"));
        // Jersey hands a converter's exception on as the cause of its own 404 for the path parameter.
        Problem answered = ProblemMappers.problem(new ParamException.PathParamException(thrown, "code", null));

        KefuException before = assertThrows(KefuException.class, () -> Code.inPath("Bad_One", "campaign.not.found"));
        Problem expected = ProblemMappers.problem(before);
        assertEquals(404, answered.status());
        assertEquals(expected.toJson(Locale.ENGLISH), answered.toJson(Locale.ENGLISH));
        assertEquals(new Code("autumn-2026"), converter.fromString("autumn-2026"));
    }

    @SuppressWarnings("unused")
    private void campaign(@NotFound("campaign.not.found") Code code) {
    }
}
