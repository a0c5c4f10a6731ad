/**
 * Telling people about cases: in-app notices for staff, e-mail for staff and residents through a queue in the
 * database that one node delivers (Jakarta Mail, SMTP from configuration). Out of scope: SMS, WeChat, push.
 */
package io.kefu.notice;
