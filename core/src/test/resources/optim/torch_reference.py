"""Writes torch_reference.txt: reference values for OptimizerReferenceTest.

Runs torch.optim.SGD / Adam / AdamW / RMSprop on one fixed 2x3 parameter with a fixed gradient
sequence and prints the parameter after every step and the optimizer state after the last one.
Hyperparameters are rounded to float32 first, as the Java side holds them.
usage: /usr/bin/python3 torch_reference.py > torch_reference.txt   (needs python3-torch; run once)
"""
import numpy as np
import torch

INIT = [[0.5, -1.25, 2.0], [0.0, 0.75, -0.3]]
GRADS = [  # one 2x3 gradient per step; includes zeros, sign flips and one step with a large norm
    [[0.1, -0.2, 0.3], [0.0, 1.5, -0.05]],
    [[-0.4, 0.25, 0.3], [0.2, -1.0, 0.0]],
    [[2.5, -3.0, 0.5], [1.0, 0.5, -2.0]],
    [[0.01, 0.02, -0.03], [0.0, 0.0, 0.04]],
    [[-0.3, 0.6, -0.9], [0.7, -0.1, 0.2]],
    [[0.05, -0.5, 0.2], [-0.6, 0.3, 0.1]],
]
CASES = [
    ("sgd", dict(lr=0.1)),
    ("sgd", dict(lr=0.05, weight_decay=0.1)),
    ("sgd", dict(lr=0.1, momentum=0.9)),
    ("sgd", dict(lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)),
    ("sgd", dict(lr=0.1, momentum=0.5, clip_norm=1.0)),
    ("adam", dict(lr=0.01)),
    ("adam", dict(lr=0.02, beta1=0.8, beta2=0.99, eps=1e-6, weight_decay=0.1)),
    ("adamw", dict(lr=0.01)),
    ("adamw", dict(lr=0.05, beta1=0.85, weight_decay=0.5)),
    ("rmsprop", dict(lr=0.01)),
    ("rmsprop", dict(lr=0.01, momentum=0.9)),
    ("rmsprop", dict(lr=0.005, alpha=0.9, momentum=0.5, centered=True, weight_decay=0.05)),
]
# torch's state keys, which the Java optimizers use as slot names
SLOTS = {"sgd": ["momentum_buffer"], "adam": ["exp_avg", "exp_avg_sq"], "adamw": ["exp_avg", "exp_avg_sq"],
         "rmsprop": ["square_avg", "momentum_buffer", "grad_avg"]}


def f32(x):
    return float(np.float32(x)) if isinstance(x, float) else x


def make(name, cfg, params):
    c = {k: f32(v) for k, v in cfg.items() if k != "clip_norm"}
    if name in ("adam", "adamw"):
        b1, b2 = c.pop("beta1", f32(0.9)), c.pop("beta2", f32(0.999))
        c["betas"] = (b1, b2)
        cls = torch.optim.Adam if name == "adam" else torch.optim.AdamW
    else:
        cls = {"sgd": torch.optim.SGD, "rmsprop": torch.optim.RMSprop}[name]
    return cls(params, **c)


def fmt(t):
    return " ".join("%.9g" % v for v in t.detach().flatten().tolist())


def main():
    print("# torch %s; parameter after each step, then the state after the last step" % torch.__version__)
    print("init", fmt(torch.tensor(INIT)))
    for g in GRADS:
        print("grad", fmt(torch.tensor(g)))
    for name, cfg in CASES:
        w = torch.tensor(INIT, dtype=torch.float32, requires_grad=True)
        opt = make(name, cfg, [w])
        print("case", name, " ".join("%s=%s" % (k, str(v).lower()) for k, v in cfg.items()))
        for g in GRADS:
            w.grad = torch.tensor(g, dtype=torch.float32)
            if "clip_norm" in cfg:
                torch.nn.utils.clip_grad_norm_([w], cfg["clip_norm"])
            opt.step()
            print("step", fmt(w))
        st = opt.state[w]
        for slot in SLOTS[name]:
            if slot in st and st[slot] is not None:
                print("state", slot, fmt(st[slot]))


if __name__ == "__main__":
    main()
