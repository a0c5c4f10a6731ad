/** The tenant admin's shifts page (班次): the shifts in the tenant's local time and who works in which. */
package io.kefu.admin.shift;
