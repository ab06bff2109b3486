"""Writes torch_schedules.txt: reference rates for LrSchedulerTest.

For each case, the learning rate torch.optim.lr_scheduler gives each epoch (epoch 1 first),
stepping the scheduler once at the end of every epoch, plus the rate after the last epoch.
usage: /usr/bin/python3 torch_schedules.py > torch_schedules.txt   (needs python3-torch; run once)
"""
import torch

BASE = 0.1
# the watched loss per epoch for the plateau cases: improvements, a stall, changes within the
# 1e-4 relative threshold (not improvements), and a new best
LOSSES = [1.0, 0.8, 0.81, 0.79995, 0.8, 0.7, 0.69999, 0.7, 0.71, 0.72, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]


def run(spec, epochs, make, losses=None):
    w = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([w], lr=BASE)
    sched = make(opt)
    rates = []
    for e in range(epochs):
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        if losses is None:
            sched.step()
        else:
            sched.step(losses[e])
    rates.append(opt.param_groups[0]["lr"])
    print("case", spec, epochs, " ".join(repr(r) for r in rates))


def main():
    print("# torch %s; base lr %r; case SPEC EPOCHS rate-of-epoch-1 ... rate-after-last-epoch" % (torch.__version__, BASE))
    print("losses", " ".join(repr(x) for x in LOSSES))
    sl = torch.optim.lr_scheduler
    run("step:3:0.5", 10, lambda o: sl.StepLR(o, step_size=3, gamma=0.5))
    run("step:1:0.9", 6, lambda o: sl.StepLR(o, step_size=1, gamma=0.9))
    run("cosine", 8, lambda o: sl.CosineAnnealingLR(o, T_max=8))
    run("cosine", 5, lambda o: sl.CosineAnnealingLR(o, T_max=5))
    run("plateau:2:0.5", len(LOSSES), lambda o: sl.ReduceLROnPlateau(o, mode="min", patience=2, factor=0.5), LOSSES)
    run("plateau:0:0.1", len(LOSSES), lambda o: sl.ReduceLROnPlateau(o, mode="min", patience=0, factor=0.1), LOSSES)


if __name__ == "__main__":
    main()
