"""A force-directed layout fast enough for tens of thousands of nodes, in pure Python.

Browsers cannot run physics on 10,000 nodes and stay responsive, so large graphs
are laid out here and drawn with physics off. Repulsion is only computed between
nodes in neighbouring grid cells (Fruchterman–Reingold with a grid), which keeps
each iteration close to linear in the number of nodes and edges.

>>> positions = force_layout(["a", "b", "c"], [("a", "b"), ("b", "c")], iterations=20)
>>> sorted(positions) == ["a", "b", "c"]
True
>>> ab = abs(complex(*positions["a"]) - complex(*positions["b"]))
>>> ac = abs(complex(*positions["a"]) - complex(*positions["c"]))
>>> ab < ac
True
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Sequence

SPACING = 60.0
CELL_SAMPLE = 12


def force_layout(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str]],
    iterations: int = 25,
    seed: int = 7,
) -> dict[str, tuple[float, float]]:
    """Positions (x, y) for every node; deterministic for a given seed."""
    count = len(nodes)
    if count == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    links = [(index[a], index[b]) for a, b in edges if a in index and b in index and a != b]
    rng = random.Random(seed)
    side = math.sqrt(count) * SPACING
    xs = [rng.uniform(0, side) for _ in range(count)]
    ys = [rng.uniform(0, side) for _ in range(count)]
    k = SPACING
    k2 = k * k
    cell = 2 * k
    temperature = side / 8
    for step in range(iterations):
        dx = [0.0] * count
        dy = [0.0] * count
        grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i in range(count):
            grid[(int(xs[i] // cell), int(ys[i] // cell))].append(i)
        centroids = {
            key: (
                len(members),
                sum(xs[j] for j in members) / len(members),
                sum(ys[j] for j in members) / len(members),
            )
            for key, members in grid.items()
        }
        for (cx, cy), members in grid.items():
            # Exact repulsion inside the cell (from a capped sample), one force per
            # neighbouring cell from its centroid: a one-level Barnes-Hut.
            sample = members if len(members) <= CELL_SAMPLE else rng.sample(members, CELL_SAMPLE)
            weight = len(members) / len(sample)
            around = [
                centroids[key]
                for ox in (-1, 0, 1)
                for oy in (-1, 0, 1)
                if (ox or oy) and (key := (cx + ox, cy + oy)) in centroids
            ]
            for i in members:
                xi, yi = xs[i], ys[i]
                fx = fy = 0.0
                for j in sample:
                    if j != i:
                        ex, ey = xi - xs[j], yi - ys[j]
                        force = weight * k2 / (ex * ex + ey * ey or 0.01)
                        fx += ex * force
                        fy += ey * force
                for mass, mx, my in around:
                    ex, ey = xi - mx, yi - my
                    force = mass * k2 / (ex * ex + ey * ey or 0.01)
                    fx += ex * force
                    fy += ey * force
                dx[i] += fx
                dy[i] += fy
        for i, j in links:
            ex, ey = xs[i] - xs[j], ys[i] - ys[j]
            distance = math.sqrt(ex * ex + ey * ey) or 0.01
            force = distance / k
            dx[i] -= ex * force
            dy[i] -= ey * force
            dx[j] += ex * force
            dy[j] += ey * force
        for i in range(count):
            length = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i])
            if length > 0:
                scale = min(length, temperature) / length
                xs[i] += dx[i] * scale
                ys[i] += dy[i] * scale
        temperature *= 0.85 if step < iterations - 1 else 1
    return {node: (round(xs[i], 1), round(ys[i], 1)) for node, i in index.items()}
