/**
 * Printable forms: the registration form offices keep on paper (《来人来电来访登记表》), blank for walk-ins or
 * filled from a case, and the case sheet (the case with its whole history, files and callbacks), each as PDF and
 * as a print page. Both outputs are drawn from the same rows ({@link io.kefu.portal.form.RegistrationForm},
 * {@link io.kefu.portal.form.CaseSheet}), so the paper and the screen never list different fields. Signatures
 * (填写人, 日期, 主管阅签) are boxes to sign by hand: Kefu records no electronic signature.
 */
package io.kefu.portal.form;
