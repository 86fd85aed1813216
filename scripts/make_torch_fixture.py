#!/usr/bin/env python3
"""Writes the PyTorch fixture that nngeom's Java tests and the foundation.torch-parity experiment compare against.

Run from the repository root (needs torch, safetensors and numpy):

    python3 scripts/make_torch_fixture.py

Output directory: core/src/main/resources/nngeom/fixtures/torch/ (main resources, so the shipped jar carries
the fixture and `nngeom validate` can run the parity experiment). Everything is seeded; running the script again
rewrites the same files. Files:

  tanh_3_5_4_2.safetensors      Sequential(Linear(3,5), Tanh, Linear(5,4), Tanh, Linear(4,2)), float64,
                                __metadata__ {"activation": "tanh"} (what a user would add)
  tanh_3_5_4_2_f32.safetensors  the same architecture with float32 weights (import of F32)
  tanh_inputs.npy (16x3)        inputs; tanh_outputs.npy (16x2) = float64 model(inputs)
  tanh_f32_outputs.npy (16x2)   float64 evaluation of the float32 weights widened to float64
  relu_2_8_8_1.safetensors      Sequential(Linear(2,8), ReLU, Linear(8,8), ReLU, Linear(8,1)), float64,
                                plain state dict without metadata (nngeom must be told the activation)
  relu_inputs.npy (16x2)        inputs; relu_outputs.npy (16x1) = model(inputs)
  {relu,tanh}_train_x.npy / _train_y.npy   training data (64 examples)
  {relu,tanh}_adam.json         20 full-batch Adam steps from the initial weights above: hyper-parameters, the
                                loss before each step (losses[0] is the initial loss), and the loss after the last
  {relu,tanh}_adam_final.safetensors       the weights after the 20 steps (float64)

Loss: mean over examples of the squared Euclidean error, L = (1/N) sum_i ||f(x_i) - y_i||^2 (nngeom's MSE;
equal to torch.nn.MSELoss() only for one output).
"""
import json
import os

import numpy as np
import torch
from safetensors.torch import save_file

OUT = os.path.join("core", "src", "main", "resources", "nngeom", "fixtures", "torch")
LR, BETAS, EPS, STEPS = 0.01, (0.9, 0.999), 1e-8, 20


def sequential(sizes, act):
    mods = []
    for k in range(len(sizes) - 1):
        mods.append(torch.nn.Linear(sizes[k], sizes[k + 1]))
        if k < len(sizes) - 2:
            mods.append(act())
    return torch.nn.Sequential(*mods)


def state(model):
    return {k: v.detach().contiguous().clone() for k, v in model.state_dict().items()}


def loss_fn(model, x, y):
    return ((model(x) - y) ** 2).sum(dim=1).mean()


def train_record(name, model, x, y):
    np.save(os.path.join(OUT, f"{name}_train_x.npy"), x.numpy())
    np.save(os.path.join(OUT, f"{name}_train_y.npy"), y.numpy())
    opt = torch.optim.Adam(model.parameters(), lr=LR, betas=BETAS, eps=EPS)
    losses = []
    for _ in range(STEPS):
        opt.zero_grad()
        loss = loss_fn(model, x, y)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    with torch.no_grad():
        final = loss_fn(model, x, y).item()
    save_file(state(model), os.path.join(OUT, f"{name}_adam_final.safetensors"))
    record = {
        "optimizer": "adam",
        "lr": LR,
        "beta1": BETAS[0],
        "beta2": BETAS[1],
        "eps": EPS,
        "weight_decay": 0.0,
        "amsgrad": False,
        "steps": STEPS,
        "loss": "mean over examples of the squared Euclidean error: (1/N) sum_i ||f(x_i) - y_i||^2",
        "initial_model": f"{name}_{'3_5_4_2' if name == 'tanh' else '2_8_8_1'}.safetensors",
        "train_x": f"{name}_train_x.npy",
        "train_y": f"{name}_train_y.npy",
        "losses": losses,
        "final_loss": final,
        "final_model": f"{name}_adam_final.safetensors",
        "torch_version": torch.__version__,
    }
    with open(os.path.join(OUT, f"{name}_adam.json"), "w") as f:
        json.dump(record, f, indent=2)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.set_default_dtype(torch.float64)
    torch.manual_seed(20261122)

    # tanh 3-5-4-2
    tanh = sequential([3, 5, 4, 2], torch.nn.Tanh)
    save_file(state(tanh), os.path.join(OUT, "tanh_3_5_4_2.safetensors"), metadata={"activation": "tanh"})
    x = torch.rand(16, 3) * 4 - 2
    np.save(os.path.join(OUT, "tanh_inputs.npy"), x.numpy())
    with torch.no_grad():
        np.save(os.path.join(OUT, "tanh_outputs.npy"), tanh(x).numpy())
    tanh32 = sequential([3, 5, 4, 2], torch.nn.Tanh).float()
    save_file(state(tanh32), os.path.join(OUT, "tanh_3_5_4_2_f32.safetensors"), metadata={"activation": "tanh"})
    with torch.no_grad():
        np.save(os.path.join(OUT, "tanh_f32_outputs.npy"), tanh32.double()(x).numpy())

    # relu 2-8-8-1, plain state dict
    relu = sequential([2, 8, 8, 1], torch.nn.ReLU)
    save_file(state(relu), os.path.join(OUT, "relu_2_8_8_1.safetensors"))
    xr = torch.rand(16, 2) * 4 - 2
    np.save(os.path.join(OUT, "relu_inputs.npy"), xr.numpy())
    with torch.no_grad():
        np.save(os.path.join(OUT, "relu_outputs.npy"), relu(xr).numpy())

    # training records, from the initial weights saved above
    xt = torch.rand(64, 2) * 2 - 1
    yt = (torch.sin(torch.pi * xt[:, 0]) * torch.cos(torch.pi * xt[:, 1])).reshape(-1, 1)
    train_record("relu", relu, xt, yt)
    xt3 = torch.rand(64, 3) * 2 - 1
    yt3 = torch.stack([xt3[:, 0] * xt3[:, 1] - xt3[:, 2], torch.exp(-(xt3 ** 2).sum(dim=1))], dim=1)
    train_record("tanh", tanh, xt3, yt3)


if __name__ == "__main__":
    main()
