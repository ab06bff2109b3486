#!/usr/bin/env python3
"""PyTorch reference for `scratchnet bench mnist-cnn` (benchmark-only tool, never a dependency).

The same network and training as `scratchnet example mnist-cnn`: conv 32 3x3, relu, maxpool 2,
conv 64 3x3, relu, maxpool 2, flatten, dropout 0.5, dense 10 (PyTorch's default init), cross-entropy
on the logits, Adam lr 1e-3, batches of 128 reshuffled every epoch, pixels / 255. Times each
training epoch (no test pass inside) and prints `epoch K: S s`, then `median epoch: S s` over
epochs 2 onward, the test accuracy and peak RSS. Reads the IDX files that
`scratchnet data fetch mnist` caches.

usage: /usr/bin/python3 bench/mnist_cnn_torch.py [--epochs E] [--threads T] [--seed S]   (Debian's python3-torch)
"""
import argparse
import os
import resource
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
from mnist_numpy import locate, read_idx  # noqa: E402  (the IDX reader of the numpy reference)

p = argparse.ArgumentParser()
p.add_argument("--epochs", type=int, default=2)
p.add_argument("--threads", type=int, default=1)
p.add_argument("--seed", type=int, default=42)
p.add_argument("--data", default=os.path.expanduser("~/.cache/scratchnet/mnist"))
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(a.seed)


def images(prefix):
    x = read_idx(locate(a.data, f"{prefix}-images-idx3-ubyte"), 0x803).reshape(-1, 1, 28, 28)
    y = read_idx(locate(a.data, f"{prefix}-labels-idx1-ubyte"), 0x801)
    return torch.from_numpy(x.astype(np.float32) / np.float32(255)), torch.from_numpy(y.astype(np.int64))


x_train, y_train = images("train")
x_test, y_test = images("t10k")
model = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                      nn.MaxPool2d(2), nn.Flatten(), nn.Dropout(0.5), nn.Linear(1600, 10))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
times = []
for epoch in range(1, a.epochs + 1):
    model.train()
    start = time.perf_counter()
    order = torch.randperm(len(x_train))
    for i in range(0, len(order), 128):
        idx = order[i:i + 128]
        opt.zero_grad()
        loss = F.cross_entropy(model(x_train[idx]), y_train[idx])
        loss.backward()
        opt.step()
    times.append(time.perf_counter() - start)
    print(f"epoch {epoch}: {times[-1]:.2f} s, train loss {loss.item():.4f}", flush=True)
model.eval()
with torch.no_grad():
    acc = (model(x_test).argmax(1) == y_test).float().mean().item()
timed = sorted(times[1:] or times)
median = timed[len(timed) // 2] if len(timed) % 2 else (timed[len(timed) // 2 - 1] + timed[len(timed) // 2]) / 2
print(f"test accuracy {100 * acc:.2f}%; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
print(f"median epoch: {median:.2f} s")
