#!/usr/bin/env python3
"""Renders Content/billeder/boligblokke.jpg: a photo-like picture of a housing estate made for this
site (no camera, no licence to track): three-storey brick blocks, lawn, trees and a sky with
clouds, with photographic grain. Deterministic (seeded). Needs numpy and the vips command (libvips-tools).

    python3 scripts/render-photo.py Content/billeder/boligblokke.jpg
"""
import subprocess, sys, tempfile, os
import numpy as np

W, H = 4000, 3000
rng = np.random.default_rng(20)

def noise(w, h, cell, seed):
    """Smooth value noise: random grid, bicubic-ish (smoothstep) interpolation."""
    g = np.random.default_rng(seed).random((h // cell + 3, w // cell + 3))
    ys, xs = np.arange(h) / cell, np.arange(w) / cell
    y0, x0 = ys.astype(int), xs.astype(int)
    fy, fx = ys - y0, xs - x0
    fy, fx = fy * fy * (3 - 2 * fy), fx * fx * (3 - 2 * fx)
    a = g[y0][:, x0]; b = g[y0][:, x0 + 1]; c = g[y0 + 1][:, x0]; d = g[y0 + 1][:, x0 + 1]
    top = a + (b - a) * fx; bottom = c + (d - c) * fx
    return top + (bottom - top) * fy[:, None]

def fractal(w, h, cell, seed, octaves=5):
    total, amp, norm = np.zeros((h, w)), 1.0, 0.0
    for o in range(octaves):
        total += amp * noise(w, h, max(2, cell >> o), seed + o); norm += amp; amp *= 0.5
    return total / norm

img = np.zeros((H, W, 3))
y = np.arange(H)[:, None] / H
x = np.arange(W)[None, :] / W
horizon = 0.56
# Sky: deep blue at the top to warm haze at the horizon, with fractal clouds lit from the left.
sky = np.stack([0.25 + 0.65 * y / horizon, 0.45 + 0.40 * y / horizon, 0.80 + 0.05 * y / horizon], -1)
clouds = np.clip((fractal(W, H, 700, 1) - 0.48) * 3.2, 0, 1)[..., None]
cloud_colour = np.stack([1.0 - 0.1 * x + 0 * y, 0.88 - 0.1 * x + 0 * y, 0.78 + 0 * x + 0 * y], -1)
img[:] = sky * (1 - clouds * 0.85) + cloud_colour * clouds * 0.85
# Lawn: green with mown stripes and texture, darker towards the viewer.
ground = (y >= horizon)[..., 0]
grass_tex = fractal(W, H, 60, 5, 6)
stripes = 0.06 * np.sin((x * 14 + (y - horizon) * 3) * np.pi * 2)
g = np.stack([0.28 + 0.12 * grass_tex + stripes, 0.50 + 0.18 * grass_tex + stripes, 0.16 + 0.08 * grass_tex + 0 * x], -1)
g *= (1.15 - 0.45 * np.clip((y - horizon) / (1 - horizon), 0, 1))[..., None]
img[ground] = g[ground]
# Blocks: three brick blocks with rows of windows and balconies, sunlit faces warm, shadows cool.
brick = fractal(W, H, 8, 9, 3)
def block(x0, x1, top, bottom, lit):
    ys, xs = slice(int(top * H), int(bottom * H)), slice(int(x0 * W), int(x1 * W))
    base = np.array([0.62, 0.30, 0.20]) * (1.25 if lit else 0.75)
    face = base[None, None, :] * (0.85 + 0.3 * brick[ys, xs][..., None])
    hh, ww = face.shape[:2]
    rows, cols = 3, max(4, int(ww / 170))
    for r in range(rows):
        for c in range(cols):
            wy0 = int(hh * (0.12 + r * 0.3)); wy1 = wy0 + int(hh * 0.14)
            wx0 = int(ww * (c + 0.25) / cols); wx1 = wx0 + int(ww * 0.5 / cols)
            glass = np.array([0.55, 0.65, 0.75]) if lit else np.array([0.20, 0.25, 0.32])
            reflection = 0.25 * noise(wx1 - wx0, wy1 - wy0, 20, 100 + r * 50 + c)[..., None]
            face[wy0:wy1, wx0:wx1] = glass * (0.8 + reflection)
            face[wy1:wy1 + int(hh * 0.03), wx0 - 8:wx1 + 8] = [0.85, 0.85, 0.82]  # balcony slab
    img[ys, xs] = face
    img[int(bottom * H):int(bottom * H) + 14, xs] *= 0.6  # contact shadow
block(0.04, 0.36, 0.33, 0.60, True)
block(0.36, 0.42, 0.35, 0.60, False)
block(0.52, 0.93, 0.38, 0.59, True)
# Roofs.
img[int(0.31 * H):int(0.33 * H), int(0.035 * W):int(0.425 * W)] = [0.22, 0.22, 0.24]
img[int(0.365 * H):int(0.38 * H), int(0.515 * W):int(0.935 * W)] = [0.22, 0.22, 0.24]
# Trees: round crowns of foliage noise with trunks, in front of the blocks.
leaves = fractal(W, H, 14, 30, 4)
for cx, cy, r in [(0.47, 0.50, 0.09), (0.12, 0.60, 0.07), (0.96, 0.52, 0.08), (0.70, 0.64, 0.06)]:
    yy, xx = np.ogrid[:H, :W]
    trunk = (np.abs(xx - cx * W) < r * W * 0.08) & (yy > cy * H) & (yy < (cy + r * 1.6) * H)
    img[trunk] = [0.25, 0.17, 0.10]
    edge = r * W * (0.85 + 0.3 * leaves)
    crown = ((xx - cx * W) ** 2 + ((yy - cy * H) * 1.15) ** 2) < edge ** 2
    shade = np.clip(0.6 + 0.6 * (cx * W - xx) / (r * W), 0.35, 1.2)
    colour = np.stack([0.18 + 0.2 * leaves, 0.36 + 0.25 * leaves, 0.10 + 0.08 * leaves], -1) * shade[..., None]
    img[crown] = colour[crown]
# Evening light, vignette and grain, as a camera would record them.
img *= np.array([1.08, 1.0, 0.9])
img *= (1 - 0.35 * ((x - 0.5) ** 2 + (y - 0.5) ** 2))[..., None]
img += rng.normal(0, 0.025, img.shape)
raw = (np.clip(img, 0, 1) ** (1 / 1.1) * 255).astype(np.uint8)

out = sys.argv[1] if len(sys.argv) > 1 else "photo.jpg"
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "photo.raw")
    raw.tofile(path)
    subprocess.run(["vips", "rawload", path, os.path.join(tmp, "photo.v"), str(W), str(H), "3"], check=True)
    subprocess.run(["vips", "copy", os.path.join(tmp, "photo.v"), out + "[Q=90,strip]"], check=True)
print(out, os.path.getsize(out), "bytes")
