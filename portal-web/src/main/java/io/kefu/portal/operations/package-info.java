/**
 * Running the portal: which database it talks to (configured, never built in), readiness and liveness,
 * and what an operator sees at startup. Metrics and OpenAPI come from Payara's MicroProfile as they are.
 */
package io.kefu.portal.operations;
