/** Any registered table detector on event-count vectors. */
package io.argus.logs.detect.counts;
