/**
 * How the portal's own static files (style sheets, scripts, the icon under {@code resources/kefu}) reach browsers:
 * each address carries a digest of the file's content, so a browser may keep it for a year and still gets the
 * new file the moment a deployment changes it ({@code SecurityHeaders} gives such addresses their long lifetime).
 * PrimeFaces versions its own files the same way with its release number; PrimeFlex carries its version in its
 * path. Out of scope: bundling or minifying; the files are small and served compressed.
 */
package io.kefu.portal.assets;
