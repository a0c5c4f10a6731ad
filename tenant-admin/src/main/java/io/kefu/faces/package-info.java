/**
 * JSF plumbing shared by every page of the portal, kept in this lower module so that both tenant-admin's
 * pages and portal-web's can use it: showing a domain failure as a translated message on the field it is
 * about.
 */
package io.kefu.faces;
