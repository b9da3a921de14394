/** LogClustering of weighted event-count vectors (Lin et al., ICSE-SEIP 2016). */
package io.argus.logs.detect.clustering;
