/** The tenant admin's office page: anonymous filing, manager, office hours, holidays and make-up days, handlers. */
package io.kefu.admin.office;
