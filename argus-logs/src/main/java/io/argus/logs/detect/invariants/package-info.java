/** Invariants Mining on event counts (Lou et al., USENIX ATC 2010). */
package io.argus.logs.detect.invariants;
