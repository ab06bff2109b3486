"""Makes the PyTorch fixtures for PytorchFixtureTest (run once; the outputs are checked in).

    /usr/bin/python3 make_pytorch_fixtures.py     # Debian's python3-torch and python3-onnx

Writes, next to this script:
  mlp.onnx, mlp_x.npy, mlp_y.npy   4 -> 16 relu -> 8 tanh -> 3 softmax, inputs standardized in the
                                   graph ((x - mean) / std as constants); opset 9
  cnn.onnx, cnn_x.npy, cnn_y.npy   [1, 8, 8] images: conv 4 3x3 pad 1, relu, batchnorm, maxpool 2,
                                   conv 6 3x2 stride 1, relu, avgpool 2, flatten, dropout, linear 5
                                   (logits); opset 17. A batch norm right after a convolution would be
                                   folded into it by the exporter, hence after the relu.
y is what PyTorch computes for x in eval mode; each .onnx passes onnx.checker.
"""
import os

import numpy as np
import onnx
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("mean", torch.tensor([0.5, -1.0, 2.0, 0.0]))
        self.register_buffer("std", torch.tensor([1.5, 0.5, 2.0, 1.0]))
        self.body = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 8), nn.Tanh(), nn.Linear(8, 3),
                                  nn.Softmax(dim=1))

    def forward(self, x):
        return self.body((x - self.mean) / self.std)


def cnn():
    return nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.BatchNorm2d(4), nn.MaxPool2d(2),
        nn.Conv2d(4, 6, (3, 2)), nn.ReLU(), nn.AvgPool2d(2), nn.Flatten(), nn.Dropout(0.25), nn.Linear(6, 5))  # 8x8 -> 8x8 -> 4x4 -> 2x3 -> 1x1


def export(name, model, x, opset):
    model.eval()
    path = os.path.join(HERE, name + ".onnx")
    torch.onnx.export(model, x, path, opset_version=opset, input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "N"}, "output": {0: "N"}})
    onnx.checker.check_model(onnx.load(path))
    with torch.no_grad():
        y = model(x).numpy().astype(np.float32)
    np.save(os.path.join(HERE, name + "_x.npy"), x.numpy().astype(np.float32))
    np.save(os.path.join(HERE, name + "_y.npy"), y)
    print(name, "opset", opset, "x", tuple(x.shape), "y", y.shape)


def main():
    torch.manual_seed(0)
    export("mlp", Mlp(), torch.randn(6, 4) * 2, 9)
    net = cnn()
    with torch.no_grad():  # running statistics away from 0 and 1, as after training
        bn = net[2]
        bn.running_mean.uniform_(-0.5, 0.5)
        bn.running_var.uniform_(0.5, 2.0)
        bn.weight.uniform_(0.5, 1.5)
        bn.bias.uniform_(-0.2, 0.2)
    export("cnn", net, torch.randn(5, 1, 8, 8), 17)


if __name__ == "__main__":
    main()
