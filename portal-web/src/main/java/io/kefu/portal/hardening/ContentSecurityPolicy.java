package io.kefu.portal.hardening;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two Content-Security-Policies of the portal.
 * <ul>
 * <li><b>Pages</b> (Faces views): scripts only from this origin or carrying the request's nonce. PrimeFaces
 * ({@code primefaces.CSP=true}) makes the nonce, puts it on every script element it and Mojarra render, and moves
 * every inline event handler ({@code onclick="…"}, Mojarra's included) into one nonce'd script that binds them;
 * so no {@code 'unsafe-inline'} for scripts. Styles keep {@code 'unsafe-inline'}: components write
 * {@code style="…"} attributes, and the tenant's colour is an inline style element.</li>
 * <li><b>Everything else</b> (API answers, files, error answers without a page): nothing may run, only this
 * origin's stylesheets and images (the plain startup page uses them).</li>
 * </ul>
 * Both forbid framing by anybody ({@code frame-ancestors 'none'}) and plugins, and pin {@code base-uri}.
 */
final class ContentSecurityPolicy {

    static final String HEADER = "Content-Security-Policy";

    /** A nonce as PrimeFaces writes it into its own header: {@code 'nonce-…'}. */
    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/_=-]{16,})'");

    private final String formTargets;

    /** {@code identityProvider}: an origin forms may end up at besides ours (Keycloak's logout), if any. */
    ContentSecurityPolicy(Optional<String> identityProvider) {
        this.formTargets = "'self'" + identityProvider.map(origin -> " " + origin).orElse("");
    }

    /** For everything that is not a page. */
    String resources() {
        return "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                + "form-action 'self'";
    }

    /** For a page whose scripts carry {@code nonce}. */
    String page(String nonce) {
        return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
                + "base-uri 'self'; form-action " + formTargets + "; frame-ancestors 'none'";
    }

    /** The nonce in a policy PrimeFaces wrote, if there is one. */
    static Optional<String> nonceIn(String policy) {
        Matcher matcher = NONCE.matcher(policy == null ? "" : policy);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
