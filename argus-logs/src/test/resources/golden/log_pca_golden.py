# Golden values for LogPcaTest: loglizer's FeatureExtractor(tf-idf, zero-mean) + PCA(n_components=0.95,
# c_alpha=3.2905) formulas (loglizer/preprocessing.py, loglizer/models/PCA.py) in numpy, on the
# count matrix below (rows = sessions, columns = events 0..3, all seen in training; oov column off).
import numpy as np
X = np.array([[2, 2, 1, 0], [3, 3, 1, 0], [0, 1, 0, 1], [2, 2, 0, 1], [4, 3, 2, 0],
              [1, 1, 1, 0], [0, 0, 0, 1], [2, 1, 2, 1], [5, 5, 0, 1], [0, 2, 1, 2]], dtype=float)
test = np.array([[2, 2, 1, 0], [3, 0, 1, 0], [0, 4, 0, 0]], dtype=float)
n = X.shape[0]
idf = np.log(n / ((X > 0).sum(axis=0) + 1e-8))
Xw = X * idf
mean = Xw.mean(axis=0)
Xc = Xw - mean
cov = Xc.T @ Xc / n
U, sigma, V = np.linalg.svd(cov)
tot = sigma.sum(); var = 0
for i in range(len(sigma)):
    var += sigma[i]
    if var / tot >= 0.95:
        break
k = i + 1
P = U[:, :k]
phi = [sum(sigma[j] ** (p + 1) for j in range(k, len(sigma))) for p in range(3)]
h0 = 1.0 - 2 * phi[0] * phi[2] / (3.0 * phi[1] * phi[1])
Q = phi[0] * np.power(3.2905 * np.sqrt(2 * phi[1] * h0 * h0) / phi[0] + 1.0 + phi[1] * h0 * (h0 - 1) / (phi[0] * phi[0]), 1.0 / h0)
C = np.eye(4) - P @ P.T
T = test * idf - mean
spe = [float((C @ t) @ (C @ t)) for t in T]
print("k", k)
print("Q", repr(float(Q)))
print("spe", [repr(s) for s in spe])
