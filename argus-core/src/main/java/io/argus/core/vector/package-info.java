/** Float32 SIMD kernels (distances, dot products) with a plain-Java fallback. */
package io.argus.core.vector;
