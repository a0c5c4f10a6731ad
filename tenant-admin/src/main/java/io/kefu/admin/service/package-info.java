/** The tenant admin's service page: deadlines per kind and severity, forbidden phrases, canned replies. */
package io.kefu.admin.service;
