/** PCA with the Q-statistic threshold on event-count vectors (Xu et al., SOSP 2009). */
package io.argus.logs.detect.pca;
