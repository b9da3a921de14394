/**
 * Clustering shared by the methods that need it (CBLOF, and any cluster-based scorer): seeded
 * k-means++ with Lloyd's iterations, deterministic whatever the thread count.
 */
package io.argus.core.cluster;
