#!/usr/bin/env python3
"""Draws assets/icon.png, the packages' icon: two overlapping circles (people working together) on NHS blue.
Standard library only; run it again after changing the drawing."""
import os, struct, zlib

SIZE, SS = 128, 4  # output size and supersampling factor per axis
BLUE, WHITE, LIGHT = (0, 94, 184), (255, 255, 255), (65, 182, 230)

def inside_rounded_square(x, y, r=22):
    cx = min(max(x, r), SIZE - r)
    cy = min(max(y, r), SIZE - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def colour(x, y):
    if not inside_rounded_square(x, y):
        return None
    left = (x - 50) ** 2 + (y - 64) ** 2 <= 32 ** 2
    right = (x - 78) ** 2 + (y - 64) ** 2 <= 32 ** 2
    if left and right:
        return WHITE
    if right:
        return LIGHT
    if left:
        return (214, 232, 246)
    return BLUE

rows = []
for py in range(SIZE):
    row = bytearray([0])
    for px in range(SIZE):
        acc, n = [0, 0, 0], 0
        for sy in range(SS):
            for sx in range(SS):
                c = colour(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)
                if c is not None:
                    acc = [a + b for a, b in zip(acc, c)]
                    n += 1
        alpha = round(255 * n / (SS * SS))
        row += bytes([round(a / n) for a in acc] if n else [0, 0, 0]) + bytes([alpha])
    rows.append(bytes(row))

def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)

png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', SIZE, SIZE, 8, 6, 0, 0, 0)) \
    + chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b'')
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'assets', 'icon.png')
with open(path, 'wb') as f:
    f.write(png)
print(f'{os.path.normpath(path)}: {len(png)} bytes')
