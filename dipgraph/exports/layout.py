"""A layout for tens of thousands of nodes, in pure Python, where no two discs overlap.

Browsers cannot run physics on 10,000 nodes and stay responsive, so large graphs
are laid out here and drawn with physics off, in two steps:

1. ``force_layout``: Fruchterman–Reingold where repulsion is only computed between
   nodes in neighbouring grid cells, so each iteration stays close to linear. It
   places connected actors near each other, but crowds the middle of a big graph.
2. ``without_overlap``: every node takes the free slot of a jittered lattice nearest
   to where the forces put it, hubs first. Slots are one largest disc apart, so no
   two discs overlap while the neighbourhoods of step 1 are kept.

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
from array import array
from collections import defaultdict
from collections.abc import Sequence

SPACING = 60.0
CELL_SAMPLE = 12
HEX_ROW = math.sqrt(3) / 2  # row spacing of a hexagonal lattice, in slots
# How strongly a node is drawn to its group's centre, against its links: strong
# enough that countries read as regions (a country's spread is 0.24 of the graph's
# at 10k, against 0.82 at 4.0).
GROUP_PULL = 150.0


def force_layout(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str]],
    iterations: int = 25,
    seed: int = 7,
    groups: dict[str, str] | None = None,
) -> dict[str, tuple[float, float]]:
    """Positions (x, y) for every node; deterministic for a given seed.

    ``groups`` (node -> group, a country say) starts each group around its own point
    of a circle and pulls every node towards its group's centre, so that groups
    read as regions of the picture.
    """
    count = len(nodes)
    if count == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    links = [(index[a], index[b]) for a, b in edges if a in index and b in index and a != b]
    rng = random.Random(seed)
    side = math.sqrt(count) * SPACING
    # Coordinates and forces as arrays of doubles: the same arithmetic as lists of
    # floats, but side by side in memory; at 30,000 nodes a list's floats lay scattered
    # over the heap and reading them, in link order, took most of the time.
    xs = array("d", [rng.uniform(0, side) for _ in range(count)])
    ys = array("d", [rng.uniform(0, side) for _ in range(count)])
    member = [-1] * count
    if groups:
        names = sorted({g for g in groups.values() if g})
        number = {g: n for n, g in enumerate(names)}
        for node, i in index.items():
            if groups.get(node) in number:
                member[i] = number[groups[node]]
                angle = 2 * math.pi * member[i] / len(names)
                spread = side / max(2.0, math.sqrt(len(names)))
                xs[i] = side / 2 + side / 3 * math.cos(angle) + rng.uniform(-spread, spread) / 2
                ys[i] = side / 2 + side / 3 * math.sin(angle) + rng.uniform(-spread, spread) / 2
    sqrt = math.sqrt
    k = SPACING
    k2 = k * k
    cell = 2 * k
    temperature = side / 8
    for step in range(iterations):
        grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, (x, y) in enumerate(zip(xs, ys, strict=True)):
            grid[(int(x // cell), int(y // cell))].append(i)
        # Each neighbouring cell's pull as (its mass * k², centroid x, centroid y): the
        # products are the ones the force below multiplies first, so nothing changes.
        centroids = {
            key: (
                len(members) * k2,
                sum([xs[j] for j in members]) / len(members),
                sum([ys[j] for j in members]) / len(members),
            )
            for key, members in grid.items()
        }
        dx = array("d", bytes(8 * count))  # zeros
        dy = array("d", bytes(8 * count))
        for (cx, cy), members in grid.items():
            # Exact repulsion inside the cell (from a capped sample), one force per
            # neighbouring cell from its centroid: a one-level Barnes-Hut.
            sample = members if len(members) <= CELL_SAMPLE else rng.sample(members, CELL_SAMPLE)
            pull = len(members) / len(sample) * k2  # (weight * k2, as it was written)
            points = [(j, xs[j], ys[j]) for j in sample]
            around = [
                centroids[key]
                for ox in (-1, 0, 1)
                for oy in (-1, 0, 1)
                if (ox or oy) and (key := (cx + ox, cy + oy)) in centroids
            ]
            for i in members:
                xi, yi = xs[i], ys[i]
                fx = fy = 0.0
                for j, xj, yj in points:
                    if j != i:
                        ex, ey = xi - xj, yi - yj
                        force = pull / (ex * ex + ey * ey or 0.01)
                        fx += ex * force
                        fy += ey * force
                for mass, mx, my in around:
                    ex, ey = xi - mx, yi - my
                    force = mass / (ex * ex + ey * ey or 0.01)
                    fx += ex * force
                    fy += ey * force
                dx[i] = fx
                dy[i] = fy
        if groups:
            total: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
            for i in range(count):
                if member[i] >= 0:
                    t = total[member[i]]
                    t[0] += xs[i]
                    t[1] += ys[i]
                    t[2] += 1
            for i in range(count):
                if member[i] >= 0:
                    t = total[member[i]]
                    ex, ey = xs[i] - t[0] / t[2], ys[i] - t[1] / t[2]
                    pull = GROUP_PULL * math.sqrt(ex * ex + ey * ey) / k
                    dx[i] -= ex * pull
                    dy[i] -= ey * pull
        for i, j in links:
            ex, ey = xs[i] - xs[j], ys[i] - ys[j]
            force = (sqrt(ex * ex + ey * ey) or 0.01) / k
            fx, fy = ex * force, ey * force
            dx[i] -= fx
            dy[i] -= fy
            dx[j] += fx
            dy[j] += fy
        for i, (fx, fy) in enumerate(zip(dx, dy, strict=True)):
            length = sqrt(fx * fx + fy * fy)
            if length > 0:
                scale = min(length, temperature) / length
                xs[i] += fx * scale
                ys[i] += fy * scale
        temperature *= 0.85 if step < iterations - 1 else 1
    return {node: (round(xs[i], 1), round(ys[i], 1)) for node, i in index.items()}


def without_overlap(
    positions: dict[str, tuple[float, float]],
    radii: dict[str, float],
    gap: float = 4.0,
    room: float = 1.6,
    seed: int = 7,
) -> dict[str, tuple[float, float]]:
    """Move every node to a lattice slot near its position so that no two discs overlap.

    ``room`` is how many slots there are per node: spare slots keep clusters apart.
    Slots are ``2 * max radius + gap`` apart on a hexagonal lattice and a node is
    jittered inside its slot only as far as its own radius allows, so the result
    does not look like a grid yet can never overlap.

    >>> moved = without_overlap({"a": (0, 0), "b": (1, 0)}, {"a": 5, "b": 5})
    >>> ax, ay = moved["a"]; bx, by = moved["b"]
    >>> (ax - bx) ** 2 + (ay - by) ** 2 >= 10 ** 2
    True
    """
    if not positions:
        return {}
    rng = random.Random(seed)
    slot = 2 * max(radii.values()) + gap
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    x0, y0 = min(xs), min(ys)
    width, height = (max(xs) - x0) or 1.0, (max(ys) - y0) or 1.0
    # The lattice covers the layout's bounding box with `room` slots per node.
    columns = max(1, round(math.sqrt(len(positions) * room * width / height)))
    rows = max(1, math.ceil(len(positions) * room / columns / HEX_ROW))
    taken: set[tuple[int, int]] = set()
    placed: dict[str, tuple[float, float]] = {}
    for node in sorted(positions, key=lambda n: (-radii[n], n)):
        x, y = positions[node]
        col = min(columns - 1, int((x - x0) / width * columns))
        row = min(rows - 1, int((y - y0) / height * rows))
        cell = _nearest_free(col, row, taken)
        taken.add(cell)
        # Slot centres sit on a hexagonal lattice (odd rows shifted half a slot), all
        # at least `slot` apart; a node moves within a disc that keeps it `gap` clear
        # of any neighbour however that one moved.
        play = max(0.0, (slot - gap) / 2 - radii[node])
        angle, reach = rng.uniform(0, 2 * math.pi), play * math.sqrt(rng.random())
        placed[node] = (
            round((cell[0] + 0.5 * (cell[1] % 2)) * slot + reach * math.cos(angle), 1),
            round(cell[1] * slot * HEX_ROW + reach * math.sin(angle), 1),
        )
    return placed


def _nearest_free(col: int, row: int, taken: set[tuple[int, int]]) -> tuple[int, int]:
    """The free slot nearest to (col, row), searching outwards ring by ring."""
    if (col, row) not in taken:
        return col, row
    ring = 1
    while True:
        best = None
        for dc in range(-ring, ring + 1):
            for dr in (-ring, ring) if abs(dc) != ring else range(-ring, ring + 1):
                cell = (col + dc, row + dr)
                if cell not in taken:
                    distance = dc * dc + dr * dr
                    if best is None or distance < best[0]:
                        best = (distance, cell)
        if best is not None:
            return best[1]
        ring += 1
