/**
 * Exact k-nearest-neighbour search: every neighbour-based method in Argus asks {@link
 * io.argus.core.neighbors.ExactKnn} for a {@link io.argus.core.neighbors.NeighborSearch} and never
 * builds an index itself.
 */
package io.argus.core.neighbors;
