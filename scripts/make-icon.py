#!/usr/bin/env python3
"""Draws the app icon (resources/icon.png 512, icon-256.png, icon.ico, icon.icns).

A red rounded square with a gold border; on it a cream document page with a folded corner,
text lines and a gold seal marked "NV"; "BC" on the page. Run with /usr/bin/python3 (Pillow).
"""
import os
from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'resources')
S = 2048  # drawn large, scaled down for smooth edges
RED = (176, 20, 28, 255)
RED_DARK = (128, 10, 18, 255)
GOLD = (240, 190, 60, 255)
GOLD_DARK = (196, 140, 30, 255)
PAPER = (255, 250, 236, 255)
FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf'


def px(v):
    return int(round(v * S / 512))


def draw():
    img = Image.new('RGBA', (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    # background tile with a gold inner border
    d.rounded_rectangle([px(16), px(16), px(496), px(496)], radius=px(96), fill=RED)
    d.rounded_rectangle([px(36), px(36), px(476), px(476)], radius=px(80), outline=GOLD, width=px(10))
    # the document page with a folded top-right corner
    l, t, r, b, fold = px(124), px(84), px(388), px(430), px(70)
    d.polygon([(l, t), (r - fold, t), (r, t + fold), (r, b), (l, b)], fill=PAPER)
    d.polygon([(r - fold, t), (r - fold, t + fold), (r, t + fold)], fill=(226, 212, 180, 255))
    # "BC" heading on the page
    font = ImageFont.truetype(FONT, px(104))
    text = 'BC'
    box = d.textbbox((0, 0), text, font=font)
    tw = box[2] - box[0]
    d.text(((l + r - fold) / 2 - tw / 2 - box[0] + px(4), t + px(26) - box[1]), text, font=font, fill=RED)
    # text lines
    for i, y in enumerate([250, 282, 314, 346]):
        right = r - px(34) if i < 3 else l + px(120)
        d.rounded_rectangle([l + px(32), px(y), right, px(y + 12)], radius=px(6), fill=(150, 30, 36, 255))
    # the gold seal "NV"
    cx, cy, rad = px(358), px(390), px(72)
    d.ellipse([cx - rad, cy - rad, cx + rad, cy + rad], fill=GOLD, outline=GOLD_DARK, width=px(8))
    d.ellipse([cx - rad + px(14), cy - rad + px(14), cx + rad - px(14), cy + rad - px(14)], outline=RED_DARK, width=px(4))
    sfont = ImageFont.truetype(FONT, px(58))
    sbox = d.textbbox((0, 0), 'NV', font=sfont)
    d.text((cx - (sbox[2] - sbox[0]) / 2 - sbox[0], cy - (sbox[3] - sbox[1]) / 2 - sbox[1]), 'NV', font=sfont, fill=RED_DARK)
    return img


def main():
    os.makedirs(OUT, exist_ok=True)
    big = draw()
    icon512 = big.resize((512, 512), Image.LANCZOS)
    icon512.save(os.path.join(OUT, 'icon.png'))
    big.resize((256, 256), Image.LANCZOS).save(os.path.join(OUT, 'icon-256.png'))
    icon512.save(os.path.join(OUT, 'icon.ico'), sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    big.resize((1024, 1024), Image.LANCZOS).save(os.path.join(OUT, 'icon.icns'))


if __name__ == '__main__':
    main()
