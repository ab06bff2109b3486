"""Loads a scratchnet .safetensors model with numpy only and prints its predictions.

usage: python3 load_model.py MODEL.safetensors INPUT.csv   (INPUT: raw features, no header)
The part between the snippet markers is the one in docs/model-format.md; ModelFilePythonTest checks both agree.
"""
import sys

# --- snippet start ---
import json, struct, numpy as np

def load(path):
    raw = open(path, "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]                      # header length, little-endian u64
    header = json.loads(raw[8:8 + n])
    meta, data = header.pop("__metadata__"), raw[8 + n:]
    tensors = {k: np.frombuffer(data[v["data_offsets"][0]:v["data_offsets"][1]], "<f4").reshape(v["shape"])
               for k, v in header.items()}
    return meta, tensors

ACT = {"relu": lambda z: np.maximum(z, 0), "sigmoid": lambda z: 1 / (1 + np.exp(-z)), "tanh": np.tanh,
       "identity": lambda z: z, "leaky_relu": lambda z, a=0.01: np.where(z > 0, z, np.float32(a) * z),
       "step": lambda z: (z >= 0).astype(np.float32),
       "softmax": lambda z: np.exp(z - z.max(1, keepdims=True)) / np.exp(z - z.max(1, keepdims=True)).sum(1, keepdims=True)}

def predict(meta, tensors, x):                               # x: (N, D) raw features
    x = np.asarray(x, np.float32)
    if "normalization" in meta:
        norm = json.loads(meta["normalization"])
        x = (x - np.array(norm["mean"], np.float32)) / np.array(norm["std"], np.float32)
    for layer in json.loads(meta["architecture"])["layers"]:
        if layer["type"] == "dense":                         # x (N, D) @ weight (D, H) + bias (1, H)
            x = x @ tensors[layer["name"] + ".weight"] + tensors.get(layer["name"] + ".bias", np.float32(0))
        elif layer["type"] == "activation":
            x = ACT[layer["activation"]](x, *([layer["alpha"]] if "alpha" in layer else []))
        elif layer["type"] == "flatten":                     # (N, C, H, W) -> (N, C*H*W), row-major
            x = x.reshape(len(x), -1)
        elif layer["type"] in IMAGE:                         # conv2d, pools, batchnorm: see below
            x = IMAGE[layer["type"]](layer, tensors, x)
        # "dropout" passes its input through at prediction time
    return x                                                 # (N, K) network outputs
# --- snippet end ---

# the image layers, as docs/model-format.md shows them after the snippet
def windows(x, layer, fill):                                 # x (N, C, H, W) -> (N, C, OH, OW, kH, kW)
    (kh, kw), (sh, sw), (t, b, l, r) = layer["kernel"], layer["stride"], layer["padding"]
    x = np.pad(x, ((0, 0), (0, 0), (t, b), (l, r)), constant_values=fill)
    oh, ow = (x.shape[2] - kh) // sh + 1, (x.shape[3] - kw) // sw + 1
    return np.stack([np.stack([x[:, :, i:i + sh * oh:sh, j:j + sw * ow:sw] for j in range(kw)], -1)
                     for i in range(kh)], -2)

def conv2d(layer, t, x):                                     # weight (O, C, kH, kW), bias (O)
    y = np.einsum("ncpqij,ocij->nopq", windows(x, layer, 0), t[layer["name"] + ".weight"])
    return y + t.get(layer["name"] + ".bias", np.zeros(1, np.float32)).reshape(1, -1, 1, 1)

def avgpool2d(layer, t, x):
    s = windows(x, layer, 0).sum((-2, -1))
    n = windows(np.ones_like(x), layer, layer.get("count_include_pad", True)).sum((-2, -1))
    return s / n

def batchnorm(layer, t, x):                                  # (N, C) or (N, C, H, W)
    shape = (1, -1) + (1,) * (x.ndim - 2)
    g = lambda k: t[layer["name"] + "." + k].reshape(shape)
    return g("weight") * (x - g("running_mean")) / np.sqrt(g("running_var") + layer["eps"]) + g("bias")

IMAGE = {"conv2d": conv2d, "batchnorm": batchnorm, "avgpool2d": avgpool2d,
         "maxpool2d": lambda layer, t, x: windows(x, layer, -np.inf).max((-2, -1)),
         "globalavgpool": lambda layer, t, x: x.mean((2, 3))}

if __name__ == "__main__":
    meta, tensors = load(sys.argv[1])
    x = np.loadtxt(sys.argv[2], delimiter=",", dtype=np.float32, ndmin=2)
    for row in predict(meta, tensors, x):
        print(",".join(repr(float(v)) for v in row))
