/** Drain, the online log parser with a fixed-depth tree (He et al., ICWS 2017): streaming and match-only parsing, settings, and its JSON state. */
package io.argus.logs.drain;
