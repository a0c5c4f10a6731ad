/**
 * Carries the domain's cache drops ({@link io.kefu.cache.Stale}) to every node of the cluster over the data grid,
 * so a configuration, account or tenant change made on one node is seen on all of them at once.
 */
package io.kefu.portal.cache;
