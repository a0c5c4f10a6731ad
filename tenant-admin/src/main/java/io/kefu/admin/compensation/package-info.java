/**
 * The tenant admin's page for the authority over compensation (核决权限): each level's limit and the words by which a
 * reply promises compensation. The rules themselves live in the domain's {@code compensation} package.
 */
package io.kefu.admin.compensation;
