#!/usr/bin/env python3
"""One-off PyTorch reference for `scratchnet example mnist`'s accuracy (not a dependency).

The tutorial's run in PyTorch itself: 784 -> 256 ReLU -> 10 nn.Linear (default init),
F.cross_entropy on the logits, Adam lr 1e-3, batches of 64 reshuffled every epoch, pixels /255
then normalized with mean 0.1307 and std 0.3081, 10 epochs; prints the test accuracy after the
last epoch for each seed. Reads the IDX files that `scratchnet data fetch mnist` caches.

usage: /usr/bin/python3 bench/mnist_torch.py [SEED ...]   (Debian's python3-torch)

Measured 2026-11-30 with PyTorch 1.13 (Debian), seeds 42 1 2 3 4 5:
97.70 97.95 97.94 98.06 97.76 97.61% (mean 97.84%). scratchnet `example mnist --seed S`,
seeds 42 1..9: 97.76 98.14 97.92 97.62 97.80 97.73 97.55 97.96 98.08 97.67% (mean 97.82%).
"""
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
from mnist_numpy import load  # noqa: E402  (the IDX reader of the numpy reference)

torch.set_num_threads(2)
data = os.path.expanduser("~/.cache/scratchnet/mnist")


def tensors(prefix):
    x, y = load(data, prefix)
    x = torch.from_numpy(np.ascontiguousarray(x, dtype=np.float32))
    return x, torch.from_numpy(np.asarray(y, dtype=np.int64))


x_train, y_train = tensors("train")
x_test, y_test = tensors("t10k")
for seed in [int(s) for s in sys.argv[1:]] or [42]:
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(10):
        order = torch.randperm(len(x_train))
        for i in range(0, len(order), 64):
            idx = order[i:i + 64]
            opt.zero_grad()
            F.cross_entropy(model(x_train[idx]), y_train[idx]).backward()
            opt.step()
    with torch.no_grad():
        acc = (model(x_test).argmax(1) == y_test).float().mean().item()
    print(f"seed {seed}: test accuracy after 10 epochs {100 * acc:.2f}%", flush=True)
