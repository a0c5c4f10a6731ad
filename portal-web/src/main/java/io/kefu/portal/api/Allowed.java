package io.kefu.portal.api;

import io.kefu.identity.entity.Role;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint: callers holding one of {@link #value()} in the tenant of the path, or the platform
 * operator where {@link #platform()} is true. Any authenticated caller when both are empty/false and
 * {@link #anyAuthenticated()} is set.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allowed {

    Role[] value() default {};

    boolean platform() default false;

    boolean anyAuthenticated() default false;
}
