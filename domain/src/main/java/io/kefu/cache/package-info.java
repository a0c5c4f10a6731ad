/**
 * The node's copy of what every request reads and almost nothing writes: a tenant by its address, an account and
 * its memberships, a tenant's office hours, calendar, deadlines, categories and intake rules. {@link Snapshots}
 * keeps it; {@link SnapshotChanges} (an entity listener on every entity it copies) drops a copy after any change
 * commits, on this node at once and on the others through the data grid (the portal's {@code SnapshotGrid}).
 */
package io.kefu.cache;
