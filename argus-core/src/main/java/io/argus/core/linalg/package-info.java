/**
 * Dense linear algebra for detectors: covariance estimates (empirical, Ledoit–Wolf, Minimum Covariance
 * Determinant), symmetric eigen-decomposition, pseudo-inverse, log-determinant, principal component
 * analysis and chi-squared quantiles. Matrices are row-major {@code double[]} arrays; EJML does the
 * factorisations.
 */
package io.argus.core.linalg;
