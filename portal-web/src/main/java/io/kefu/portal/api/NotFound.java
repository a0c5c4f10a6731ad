package io.kefu.portal.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The message key of the 404 a path parameter answers with when it is malformed: such a value names nothing, so it
 * is not found like a well-formed one that does not exist ({@code @PathParam("code") @NotFound("campaign.not.found")
 * Code code}). Required on every {@link io.kefu.workspace.entity.Code} parameter (see {@link CodeParams}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface NotFound {

    String value();
}
