/**
 * A tenant's workspace configuration that the case workflow routes by: departments (工程、保安、保洁、财务…)
 * and complaint categories (噪音扰民、维修…). Both are tenant-owned. Deadlines, calendars, phrases and
 * branding join this package with the issues that need them; editing pages live in tenant-admin.
 */
package io.kefu.workspace;
