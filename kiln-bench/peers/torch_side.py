"""PyTorch's side of `./kiln bench nn`: the same networks, data, batch size and optimiser as
Kiln's side, trained on CPU with two threads. Prints one JSON object per model on stdout.

Usage: python3 torch_side.py DATA_DIR EPOCHS SEED MODEL [MODEL ...]   (MODEL: mlp or cnn)
"""
import gzip
import json
import sys
import time

import numpy as np
import torch
from torch import nn


def idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(data_dir, split):
    x = idx(f"{data_dir}/{split}-images-idx3-ubyte.gz").astype(np.float32) / 255.0
    y = idx(f"{data_dir}/{split}-labels-idx1-ubyte.gz").astype(np.int64)
    return torch.from_numpy(x).unsqueeze(1), torch.from_numpy(y)


def build(model):
    if model == "mlp":
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))


def main():
    data_dir, epochs, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(2)
    x_train, y_train = load(data_dir, "train")
    x_test, y_test = load(data_dir, "t10k")
    # Standardise with the training images' mean and std, as Kiln's ChannelNormalization does.
    mean, std = x_train.mean(), x_train.std(unbiased=False)
    x_train = (x_train - mean) / std
    x_test = (x_test - mean) / std
    for model_name in sys.argv[4:]:
        torch.manual_seed(seed)
        model = build(model_name)
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        loss_fn = nn.CrossEntropyLoss()
        n = x_train.shape[0]
        epoch_seconds = []
        for _ in range(epochs):
            model.train()
            order = torch.randperm(n)
            start = time.perf_counter()
            for b in range(0, n, 64):
                rows = order[b:b + 64]
                opt.zero_grad()
                loss = loss_fn(model(x_train[rows]), y_train[rows])
                loss.backward()
                opt.step()
            epoch_seconds.append(time.perf_counter() - start)
        model.eval()
        with torch.no_grad():
            correct = sum(int((model(x_test[b:b + 1000]).argmax(1) == y_test[b:b + 1000]).sum()) for b in range(0, 10000, 1000))
        print(json.dumps({"model": model_name, "epoch_seconds": epoch_seconds, "train_images": n,
                          "test_accuracy": correct / 10000, "torch": torch.__version__, "threads": torch.get_num_threads()}), flush=True)


if __name__ == "__main__":
    main()
