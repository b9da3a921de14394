#!/usr/bin/env python3
"""Writes the reference samples that `argus models pull` checks a converted nsfwjs model against.

Reads the reference activations of ../shared/models-ref/nsfwjs-4.4.0 (raw float32 NCHW, produced by the
original TF.js runtime; see its README) and keeps, per layer, 64 evenly spaced values plus the largest one,
and the whole 5-class head. The inputs themselves are not stored: they come from the LCG the README
describes, which NsfwjsModels regenerates.

usage: bench/vision/nsfwjs-reference-samples.py [REF_DIR] > argus-vision/src/main/resources/io/argus/vision/backbone/nsfwjs-4.4.0-reference.properties
"""
import os
import sys

import numpy as np

ref = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../../shared/models-ref/nsfwjs-4.4.0")
models = {"mobilenet_v2": ("in224.f32", ["block_6_expand_relu", "out_relu", "dense_3"]),
          "inception_v3": ("in299.f32", ["mixed2", "mixed7", "dense_3"])}
print("# Samples of the nsfwjs@4.4.0 reference activations (../shared/models-ref/nsfwjs-4.4.0), written by")
print("# bench/vision/nsfwjs-reference-samples.py. index:value pairs into the NCHW layer output of one image.")
for model, (inp, layers) in models.items():
    for layer in layers:
        a = np.fromfile(os.path.join(ref, inp + "." + layer + ".ref"), dtype="<f4")
        idx = sorted(set([int(round(k * (len(a) - 1) / 63)) for k in range(64)] + [int(np.argmax(a))]))
        if len(a) <= 64:
            idx = list(range(len(a)))
        print(f"{model}.{layer}={len(a)};" + ",".join(f"{i}:{a[i]:.9g}" for i in idx))
