/**
 * Shift hand-over (交接班) in the portal: the staff page that writes a hand-over from its prefill, shows a submitted
 * one with its acknowledgements and entries, the history, the banner on the desk, the print page, and the API twin of
 * all of it ({@code /handovers}, {@code /settings/shifts}). The rules are in the domain's {@code io.kefu.handover}.
 */
package io.kefu.portal.handover;
