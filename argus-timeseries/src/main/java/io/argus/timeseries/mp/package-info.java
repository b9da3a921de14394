/** The exact matrix profile (self-join, AB-join, left profile, discords) under the z-normalised distance. */
package io.argus.timeseries.mp;
