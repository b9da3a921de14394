/**
 * k-nearest-neighbour search, exact ({@link io.argus.core.neighbors.ExactKnn}: k-d tree or blocked
 * brute force) and approximate ({@link io.argus.core.neighbors.Hnsw}: a Hierarchical Navigable Small
 * World graph). Every neighbour-based method in Argus asks for a
 * {@link io.argus.core.neighbors.NeighborSearch}, through {@link io.argus.core.neighbors.NeighborIndex}
 * when it lets the user choose, and never builds an index itself.
 */
package io.argus.core.neighbors;
