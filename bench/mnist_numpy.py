#!/usr/bin/env python3
"""From-scratch numpy reference for `scratchnet bench mnist`: the same network and training.

784 -> 256 ReLU -> 10, PyTorch-default Linear init U(+-1/sqrt(fan_in)), softmax cross-entropy on
the logits, Adam (lr 1e-3, betas 0.9/0.999, eps 1e-8), batches of 64 reshuffled every epoch,
inputs scaled to [0, 1] then normalized with mean 0.1307 and std 0.3081. Everything in float32;
the matrix products go to numpy's bundled OpenBLAS. Only the training loop is timed (no test pass),
as in scratchnet's bench. Prints one line per epoch and `median epoch: S s` last.

usage: python3 bench/mnist_numpy.py [--epochs 3] [--data ~/.cache/scratchnet/mnist] [--seed 42]
"""
import argparse
import gzip
import os
import statistics
import time

import numpy as np


def read_idx(path, magic):
    """An IDX file (raw or .gz) as a uint8 array shaped by its header."""
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        data = f.read()
    found = int.from_bytes(data[0:4], "big")
    if found != magic:
        raise SystemExit(f"{path}: magic {found:#010x}, expected {magic:#010x}")
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def locate(directory, name):
    for candidate in (name, name + ".gz"):
        p = os.path.join(directory, candidate)
        if os.path.exists(p):
            return p
    raise SystemExit(f"{name} not found in {directory}: run ./scratchnet data fetch mnist")


def load(directory, prefix):
    x = read_idx(locate(directory, f"{prefix}-images-idx3-ubyte"), 0x803).reshape(-1, 784)
    y = read_idx(locate(directory, f"{prefix}-labels-idx1-ubyte"), 0x801)
    x = (x.astype(np.float32) / np.float32(255) - np.float32(0.1307)) / np.float32(0.3081)
    return x, y.astype(np.int64)


class Adam:
    def __init__(self, params, lr=1e-3, b1=0.9, b2=0.999, eps=1e-8):
        self.params, self.lr, self.b1, self.b2, self.eps, self.t = params, lr, b1, b2, eps, 0
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]

    def step(self, grads):
        self.t += 1
        step = np.float32(self.lr / (1 - self.b1 ** self.t))
        inv_sqrt_bc2 = np.float32(1 / np.sqrt(1 - self.b2 ** self.t))
        b1, b2, eps = np.float32(self.b1), np.float32(self.b2), np.float32(self.eps)
        for p, g, m, v in zip(self.params, grads, self.m, self.v):
            m *= b1
            m += (1 - b1) * g
            v *= b2
            v += (1 - b2) * g * g
            p -= step * m / (np.sqrt(v) * inv_sqrt_bc2 + eps)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--data", default=os.path.expanduser("~/.cache/scratchnet/mnist"))
    args = ap.parse_args()

    x_train, y_train = load(args.data, "train")
    x_test, y_test = load(args.data, "t10k")
    rng = np.random.default_rng(args.seed)

    def linear(fan_in, fan_out):
        bound = 1 / np.sqrt(fan_in)
        w = rng.uniform(-bound, bound, (fan_in, fan_out)).astype(np.float32)
        b = rng.uniform(-bound, bound, (1, fan_out)).astype(np.float32)
        return w, b

    w1, b1 = linear(784, 256)
    w2, b2 = linear(256, 10)
    opt = Adam([w1, b1, w2, b2])
    n, batch = len(x_train), 64
    eye = np.eye(10, dtype=np.float32)
    flops = n * (2.0 * (784 * 256 + 256 * 10) + 2.0 * (784 * 256 + 2 * 256 * 10))
    print(f"numpy {np.__version__}, MNIST {n} images, batch {batch}, Adam; {flops / 1e9:.1f} GFLOP per epoch", flush=True)
    times = []
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        order = rng.permutation(n)
        total = 0.0
        for i in range(0, n, batch):
            idx = order[i:i + batch]
            x, y = x_train[idx], eye[y_train[idx]]
            z1 = x @ w1 + b1
            a1 = np.maximum(z1, 0)
            z2 = a1 @ w2 + b2
            z2 -= z2.max(axis=1, keepdims=True)
            e = np.exp(z2)
            s = e.sum(axis=1, keepdims=True)
            total -= float(np.sum(y * (z2 - np.log(s))))
            dz2 = (e / s - y) / np.float32(len(idx))
            dw2 = a1.T @ dz2
            db2 = dz2.sum(axis=0, keepdims=True)
            dz1 = (dz2 @ w2.T) * (z1 > 0)
            dw1 = x.T @ dz1
            db1 = dz1.sum(axis=0, keepdims=True)
            opt.step([dw1, db1, dw2, db2])
        seconds = time.perf_counter() - start
        times.append(seconds)
        print(f"epoch {epoch}: {seconds:.3f} s, {flops / seconds / 1e9:.1f} GFLOP/s, train loss {total / n:.4f}", flush=True)
    logits = np.maximum(x_test @ w1 + b1, 0) @ w2 + b2
    print(f"test accuracy {100 * np.mean(logits.argmax(axis=1) == y_test):.2f}%")
    print(f"median epoch: {statistics.median(times):.3f} s")


if __name__ == "__main__":
    main()
