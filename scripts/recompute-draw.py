#!/usr/bin/env python3
"""Recomputes a Participation public draw from its seed, the published list and the count,
following the algorithm documented on `PublicDraw` (FNV-1a 64 seed hash, SplitMix64,
partial Fisher-Yates with rejection sampling). Usage:

    scripts/recompute-draw.py SEED COUNT < list.txt     # one item per line, in published order
"""
import sys

M = 2**64


def fnv1a(text):
    h = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x100000001B3) % M
    return h


class SplitMix64:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) % M
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) % M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) % M
        return z ^ (z >> 31)


def draw(seed, items, count):
    generator = SplitMix64(fnv1a(seed))
    items = list(items)
    for i in range(count):
        bound = len(items) - i
        while True:
            r = generator.next()
            if r < M - (M % bound):
                break
        j = i + r % bound
        items[i], items[j] = items[j], items[i]
    return items[:count]


if __name__ == "__main__":
    seed, count = sys.argv[1], int(sys.argv[2])
    items = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    print("\n".join(draw(seed, items, count)))
