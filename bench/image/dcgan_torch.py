"""The demo's small DCGAN recipe in PyTorch, to compare generator upsampling layers at the same budget.

Generator: linear -> 64x4x4, BN, ReLU, then three 2x upsamplings (64->32->16->3) with BN and ReLU, tanh output;
discriminator: 4x4 stride-2 convolutions 3->16->32->64 (BN on the last two), leaky ReLU 0.2, linear -> 1 logit;
weights N(0, 0.02), Adam(lr, betas (0.5, 0.999)), batch 64, non-saturating BCE loss, D step on detached fakes then
G step on the same latents (as io.genaudit.engine.image.gan.DcganTrainer).
Upsampling ARCH: `convt` = ConvTranspose2d(4, 2, 1) with free kernels (the DCGAN paper); `upsample` = nearest 2x +
3x3 convolution (the same function as genaudit's tied TransposedConv2d.resizeConvolution).

Usage: /usr/bin/python3 bench/image/dcgan_torch.py ARCH EPOCHS SEED SHAPES_FOLDER [SHEET.png]
(SHAPES_FOLDER: a shapes fixture folder, e.g. one written by bench/image/run.sh under its output folder.)
Prints the last epoch's mean losses; writes an 8x8 sample sheet when SHEET.png is given.
Recorded (shapes fixture balanced(2000) seed 0, 5 epochs, seed 0, torch 1.13 CPU): convt lossD 0.29 lossG 4.52
(grey checkerboard samples: the discriminator wins, and still does after 15 epochs, lossD 0.02); upsample lossD 0.40
lossG 2.59 (coloured shapes).
"""
import glob
import sys

import numpy as np
import torch
import torch.nn as nn
from PIL import Image

torch.set_num_threads(1)
arch, epochs, seed, folder = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
files = sorted(glob.glob(folder + '/**/*.png', recursive=True))
X = np.stack([np.asarray(Image.open(f).convert('RGB'), dtype=np.float32) / 255 for f in files]).transpose(0, 3, 1, 2)
X = torch.tensor(X) * 2 - 1
torch.manual_seed(seed)


def up(cin, cout, bias):
    if arch == 'convt':
        return nn.ConvTranspose2d(cin, cout, 4, 2, 1, bias=bias)
    return nn.Sequential(nn.Upsample(scale_factor=2), nn.Conv2d(cin, cout, 3, 1, 1, bias=bias))


class G(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(32, 64 * 16)
        self.bn0 = nn.BatchNorm2d(64)
        self.net = nn.Sequential(up(64, 32, False), nn.BatchNorm2d(32), nn.ReLU(), up(32, 16, False), nn.BatchNorm2d(16),
                                 nn.ReLU(), up(16, 3, True), nn.Tanh())

    def forward(self, z):
        return self.net(torch.relu(self.bn0(self.lin(z).view(-1, 64, 4, 4))))


D = nn.Sequential(nn.Conv2d(3, 16, 4, 2, 1), nn.LeakyReLU(0.2), nn.Conv2d(16, 32, 4, 2, 1), nn.BatchNorm2d(32),
                  nn.LeakyReLU(0.2), nn.Conv2d(32, 64, 4, 2, 1), nn.BatchNorm2d(64), nn.LeakyReLU(0.2), nn.Flatten(),
                  nn.Linear(1024, 1))
g = G()
for mod in list(g.modules()) + list(D.modules()):
    if isinstance(mod, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
        nn.init.normal_(mod.weight, 0, 0.02)
        if mod.bias is not None:
            nn.init.zeros_(mod.bias)
opt_g = torch.optim.Adam(g.parameters(), 2e-4, betas=(0.5, 0.999))
opt_d = torch.optim.Adam(D.parameters(), 2e-4, betas=(0.5, 0.999))
bce = nn.BCEWithLogitsLoss()
hist = []
steps = len(X) // 64
for ep in range(epochs):
    perm = torch.randperm(len(X))
    for st in range(steps):
        real = X[perm[st * 64:(st + 1) * 64]]
        z = torch.randn(64, 32)
        with torch.no_grad():
            fake = g(z)
        opt_d.zero_grad()
        loss_d = bce(D(real), torch.ones(64, 1)) + bce(D(fake), torch.zeros(64, 1))
        loss_d.backward()
        opt_d.step()
        opt_g.zero_grad()
        loss_g = bce(D(g(z)), torch.ones(64, 1))
        loss_g.backward()
        opt_g.step()
        hist.append((loss_d.item(), loss_g.item()))
h = np.array(hist)
print(arch, 'epochs', epochs, 'seed', seed, 'last-epoch mean lossD %.3f lossG %.3f' % tuple(h[-steps:].mean(0)))
if len(sys.argv) > 5:
    g.eval()
    with torch.no_grad():
        s = ((g(torch.randn(64, 32)) + 1) / 2).clamp(0, 1).numpy()
    sheet = s.reshape(8, 8, 3, 32, 32).transpose(0, 3, 1, 4, 2).reshape(256, 256, 3)
    Image.fromarray((sheet * 255).astype(np.uint8)).save(sys.argv[5])
