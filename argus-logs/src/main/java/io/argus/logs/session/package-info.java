/** Log events grouped into the units detectors score: sessions by identifier, fixed and sliding time windows, and key-sequence files. */
package io.argus.logs.session;
