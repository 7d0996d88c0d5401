"""Rebuilds DiffLab's Java UNet (org.difflab.runtime.unet.UNet) in PyTorch and saves it as TorchScript.

DJL cannot trace a Java Block to TorchScript (PtSymbolBlock is load-only), so the route from a network trained in Java
to a TorchScript file is: the Java checkpoint (format documented in UNetCheckpoint.java: big-endian, magic
"difflab-unet", version 1, config, iteration, named float32 tensors) -> this script, which rebuilds the same
architecture with PyTorch's functional ops (GroupNorm eps 1e-5, SiLU, nearest up-sampling, sinusoidal time features
[sin, cos] with f_i = 10000^(-i/h)) from the tensors by their DJL names -> torch.jit.trace -> a .pt file with
forward(x: [B, C, S, S] float32, t: [B] float32) -> eps, loadable by TorchScriptModel with TimeConvention the network
was trained with (DDPM: trainingIndex(1000)).

Usage, with Debian's PyTorch (python3-torch):

    /usr/bin/python3 unet_to_torchscript.py CHECKPOINT OUT.pt [--part ema|net]
    /usr/bin/python3 unet_to_torchscript.py --fixture DIR

--fixture writes the test fixtures of UNetTorchScriptTest into DIR: unet_fixture.ckpt (a small UNet with every
parameter random, GroupNorm scales and shifts included, parts net and ema different), unet_fixture.pt (its ema part,
exported by the path above) and unet_fixture.json (inputs, network times and the outputs PyTorch computes).
"""
import json
import math
import struct
import sys

import torch
import torch.nn.functional as F
from torch import nn

MAGIC = "difflab-unet"
VERSION = 1


def read_checkpoint(path):
    with open(path, "rb") as f:
        data = f.read()
    pos = 0

    def take(fmt):
        nonlocal pos
        values = struct.unpack_from(">" + fmt, data, pos)
        pos += struct.calcsize(">" + fmt)
        return values

    def utf():
        nonlocal pos
        (n,) = take("H")
        s = data[pos:pos + n].decode("utf-8")
        pos += n
        return s

    if utf() != MAGIC:
        raise ValueError(f"{path} is not a DiffLab UNet checkpoint")
    (version,) = take("i")
    if version != VERSION:
        raise ValueError(f"{path} has version {version}, this script reads {VERSION}")
    channels, size, width, blocks, groups, levels = take("6i")
    config = dict(channels=channels, size=size, width=width, blocks=blocks, groups=groups,
                  multipliers=list(take(f"{levels}i")))
    (iteration,) = take("q")
    (count,) = take("i")
    tensors = {}
    for _ in range(count):
        name = utf()
        (rank,) = take("i")
        shape = take(f"{rank}i")
        n = math.prod(shape)
        values = struct.unpack_from(f">{n}f", data, pos)
        pos += 4 * n
        tensors[name] = torch.tensor(values, dtype=torch.float32).reshape(shape)
    return config, iteration, tensors


def write_checkpoint(path, config, iteration, tensors):
    out = bytearray()
    magic = MAGIC.encode("utf-8")
    out += struct.pack(">H", len(magic)) + magic
    m = config["multipliers"]
    out += struct.pack(">7i", VERSION, config["channels"], config["size"], config["width"], config["blocks"],
                       config["groups"], len(m))
    out += struct.pack(f">{len(m)}i", *m)
    out += struct.pack(">qi", iteration, len(tensors))
    for name, t in tensors.items():
        b = name.encode("utf-8")
        out += struct.pack(">H", len(b)) + b
        out += struct.pack(f">i{t.dim()}i", t.dim(), *t.shape)
        out += struct.pack(f">{t.numel()}f", *t.reshape(-1).tolist())
    with open(path, "wb") as f:
        f.write(out)


def layout(config):
    """The UNet's children in DJL order, with their kind and channels: mirrors the UNet constructor."""
    w, mult, blocks = config["width"], config["multipliers"], config["blocks"]
    emb = 4 * w
    children = [("timeDense1", "linear", w, emb), ("timeDense2", "linear", emb, emb), ("convIn", "conv", config["channels"], w)]
    skips = [w]
    ch = w
    for i, m in enumerate(mult):
        for j in range(blocks):
            children.append((f"down{i}_{j}", "down-res", ch, w * m))
            ch = w * m
            skips.append(ch)
        if i < len(mult) - 1:
            children.append((f"downsample{i}", "downsample", ch, ch))
            skips.append(ch)
    children.append(("middle1", "middle-res", ch, ch))
    children.append(("middle2", "middle-res", ch, ch))
    for i in reversed(range(len(mult))):
        for j in range(blocks + 1):
            children.append((f"up{i}_{j}", "up-res", ch + skips.pop(), w * mult[i]))
            ch = w * mult[i]
        if i > 0:
            children.append((f"upsample{i}", "upsample", ch, ch))
    children.append(("normOut", "norm", ch, ch))
    children.append(("convOut", "conv", ch, config["channels"]))
    return [(f"{k + 1:02d}{name}", kind, cin, cout) for k, (name, kind, cin, cout) in enumerate(children)]


def parameter_shapes(config):
    """Every parameter name (DJL's, without the part prefix) and shape, in DJL order."""
    shapes = {}

    def conv(p, cin, cout, k=3):
        shapes[p + "_weight"] = (cout, cin, k, k)
        shapes[p + "_bias"] = (cout,)

    def norm(p, c):
        shapes[p + "_gamma"] = (c,)
        shapes[p + "_beta"] = (c,)

    emb = 4 * config["width"]
    for name, kind, cin, cout in layout(config):
        if kind == "linear":
            shapes[name + "_weight"] = (cout, cin)
            shapes[name + "_bias"] = (cout,)
        elif kind in ("conv", "downsample"):
            conv(name, cin, cout)
        elif kind == "upsample":
            conv(name + "_01conv", cin, cout)
        elif kind == "norm":
            norm(name, cin)
        else:
            norm(name + "_01norm1", cin)
            conv(name + "_02conv1", cin, cout)
            shapes[name + "_03time_weight"] = (cout, emb)
            shapes[name + "_03time_bias"] = (cout,)
            norm(name + "_04norm2", cout)
            conv(name + "_05conv2", cout, cout)
            if cin != cout:
                conv(name + "_06skip", cin, cout, 1)
    return shapes


class UNet(nn.Module):
    """The Java UNet's forward with PyTorch's functional ops; parameters keyed by their DJL names."""

    def __init__(self, config, tensors):
        super().__init__()
        self.config = config
        self.children_layout = layout(config)
        self.weights = nn.ParameterDict({k: nn.Parameter(v.clone()) for k, v in tensors.items()})
        half = config["width"] // 2
        freqs = [math.exp(-math.log(10000.0) * i / half) for i in range(half)]
        self.register_buffer("freqs", torch.tensor(freqs, dtype=torch.float32))

    def conv(self, p, x, stride=1, padding=1):
        return F.conv2d(x, self.weights[p + "_weight"], self.weights[p + "_bias"], stride=stride, padding=padding)

    def norm(self, p, x):
        return F.group_norm(x, self.config["groups"], self.weights[p + "_gamma"], self.weights[p + "_beta"], 1e-5)

    def res(self, p, x, emb):
        h = self.conv(p + "_02conv1", F.silu(self.norm(p + "_01norm1", x)))
        h = h + F.linear(emb, self.weights[p + "_03time_weight"], self.weights[p + "_03time_bias"])[:, :, None, None]
        h = self.conv(p + "_05conv2", F.silu(self.norm(p + "_04norm2", h)))
        skip = self.conv(p + "_06skip", x, padding=0) if (p + "_06skip_weight") in self.weights else x
        return skip + h

    def forward(self, x, t):
        angles = t[:, None] * self.freqs[None, :]
        emb = torch.cat([torch.sin(angles), torch.cos(angles)], dim=1)
        lay = self.children_layout
        emb = F.linear(emb, self.weights[lay[0][0] + "_weight"], self.weights[lay[0][0] + "_bias"])
        emb = F.silu(F.linear(F.silu(emb), self.weights[lay[1][0] + "_weight"], self.weights[lay[1][0] + "_bias"]))
        h = self.conv(lay[2][0], x)
        skips = [h]
        for name, kind, _, _ in lay[3:]:
            if kind == "up-res":
                h = self.res(name, torch.cat([h, skips.pop()], dim=1), emb)
            elif kind == "middle-res":
                h = self.res(name, h, emb)
            elif kind == "down-res":
                h = self.res(name, h, emb)
                skips.append(h)
            elif kind == "downsample":
                h = self.conv(name, h, stride=2)
                skips.append(h)
            elif kind == "upsample":
                h = self.conv(name + "_01conv", F.interpolate(h, scale_factor=2.0, mode="nearest"))
            elif kind == "norm":
                h = F.silu(self.norm(name, h))
            else:
                h = self.conv(name, h)
        return h


def export(config, tensors, part, out_path, example_batch=2):
    prefix = part + "/"
    weights = {k[len(prefix):]: v for k, v in tensors.items() if k.startswith(prefix)}
    expected = parameter_shapes(config)
    if list(weights) != list(expected):
        raise ValueError(f"part {part}: parameter names differ from the layout, e.g. "
                         f"{sorted(set(weights) ^ set(expected))[:3]}")
    for k, shape in expected.items():
        if tuple(weights[k].shape) != shape:
            raise ValueError(f"{k} has shape {tuple(weights[k].shape)}, expected {shape}")
    net = UNet(config, weights).eval()
    s = config["size"]
    x = torch.zeros(example_batch, config["channels"], s, s)
    t = torch.zeros(example_batch)
    with torch.no_grad():
        traced = torch.jit.trace(net, (x, t))
    torch.jit.save(traced, out_path)
    return net


def fixture(directory):
    config = dict(channels=3, size=8, width=8, blocks=1, groups=2, multipliers=[1, 2])
    gen = torch.Generator().manual_seed(20261122)
    tensors = {}
    for part in ("net", "ema"):
        for name, shape in parameter_shapes(config).items():
            u = torch.rand(shape, generator=gen) * 2 - 1
            if name.endswith("_weight"):
                fan_in = math.prod(shape[1:])
                value = 1.5 * u / math.sqrt(fan_in)
            elif name.endswith("_gamma"):
                value = 1 + 0.5 * u
            else:
                value = 0.3 * u
            tensors[part + "/" + name] = value
    ckpt = f"{directory}/unet_fixture.ckpt"
    pt = f"{directory}/unet_fixture.pt"
    write_checkpoint(ckpt, config, 7, tensors)
    config2, iteration, read = read_checkpoint(ckpt)
    assert config2 == config and iteration == 7 and all(torch.equal(read[k], tensors[k]) for k in tensors)
    net = export(config2, read, "ema", pt)
    x = torch.randn(4, 3, 8, 8, generator=gen)
    t = torch.tensor([0.0, 1.0, 499.0, 999.0])
    loaded = torch.jit.load(pt)
    with torch.no_grad():
        y = loaded(x, t)
        assert torch.allclose(y, net(x, t), atol=1e-6)
        other = UNet(config2, {k[4:]: v for k, v in read.items() if k.startswith("net/")})(x, t)
        assert (other - y).abs().max() > 1e-2
    with open(f"{directory}/unet_fixture.json", "w") as f:
        json.dump({"torch": torch.__version__, "shape": list(x.shape), "t": t.tolist(),
                   "x": x.reshape(-1).tolist(), "y": y.reshape(-1).tolist()}, f)
        f.write("\n")


def main(argv):
    if len(argv) == 2 and argv[0] == "--fixture":
        fixture(argv[1])
        return
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--part"):
        sys.exit(__doc__)
    part = argv[3] if len(argv) == 4 else "ema"
    config, iteration, tensors = read_checkpoint(argv[0])
    export(config, tensors, part, argv[1])
    print(f"{argv[1]}: part {part} of {argv[0]} (iteration {iteration}, {config})")


if __name__ == "__main__":
    main(sys.argv[1:])
