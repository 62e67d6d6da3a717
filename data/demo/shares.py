"""Whole numbers split in proportion to weights, exactly: the largest-remainder method in integer arithmetic.

Every function works on rows: `totals` (rows) are split over the columns of `weights` (rows × cells), so a
day's figure per district is split over the district's cells in one call.
"""

from __future__ import annotations

import numpy as np

WEIGHT_SCALE = 2**24
"""Float weights become integers of at most this (per row): far finer than any split of a day's doses, and
small enough that total × weight and cap × sum of weights stay far inside int64 (totals and caps below 2**31,
rows of up to 2**16 cells)."""


def integer_weights(weights: np.ndarray) -> np.ndarray:
    """Non-negative weights as int64 (integer weights unchanged; float ones scaled per row to WEIGHT_SCALE)."""
    weights = np.asarray(weights)
    if np.issubdtype(weights.dtype, np.integer):
        return np.maximum(weights, 0).astype(np.int64)
    weights = np.nan_to_num(np.maximum(weights, 0.0), nan=0.0, posinf=0.0)
    largest = weights.max(axis=-1, keepdims=True)
    scaled = np.floor(weights / np.where(largest > 0, largest, 1.0) * WEIGHT_SCALE)
    return scaled.astype(np.int64)


def largest_remainder(
    totals: np.ndarray, weights: np.ndarray, caps: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's total split in proportion to its weights, no cell above its cap; and what could not be placed.

    A cell whose proportional share exceeds its cap gets the cap, and the rest is split again over the other
    cells. The shares are floor(total × weight / sum) plus one for the cells with the largest remainders (ties
    to the first cell): integers that add up to the total exactly. A row whose weights are all 0 (or all capped)
    places nothing: its total comes back as unplaced.
    """
    totals = np.asarray(totals, dtype=np.int64)
    weights = integer_weights(weights)
    out = np.zeros(weights.shape, dtype=np.int64)
    active = weights > 0
    if caps is not None:
        caps = np.maximum(np.asarray(caps, dtype=np.int64), 0)
        active &= caps > 0
    remaining = totals.copy()
    while caps is not None:
        weight_sum = np.where(active, weights, 0).sum(axis=1)
        over = active & (remaining[:, None] * weights > caps * weight_sum[:, None])
        if not over.any():
            break
        out[over] = caps[over]
        active &= ~over
        remaining -= np.where(over, caps, 0).sum(axis=1)
    live = np.where(active, weights, 0)
    weight_sum = live.sum(axis=1)
    placeable = (weight_sum > 0) & (remaining > 0)
    divisor = np.where(placeable, weight_sum, 1)[:, None]
    share, remainder = np.divmod(np.where(placeable[:, None], remaining[:, None] * live, 0), divisor)
    left = remaining - share.sum(axis=1)
    order = np.argsort(-remainder, axis=1, kind="stable")
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(weights.shape[1])[None, :], axis=1)
    share += (rank < np.where(placeable, left, 0)[:, None]).astype(np.int64)
    return out + share, np.where(placeable, 0, remaining)


def in_stages(totals: np.ndarray, stages: list[tuple[np.ndarray, np.ndarray | None]]) -> np.ndarray:
    """Rows' totals split by the first stage (weights, caps) that can place them, what is left by the next;
    whatever no stage could place goes to every cell of the row alike (uniform weights, no caps).

    The caps of a later stage apply to the cell's total over all stages.
    """
    out = np.zeros(stages[0][0].shape, dtype=np.int64)
    left = np.asarray(totals, dtype=np.int64)
    for weights, caps in stages:
        if not left.any():
            return out
        placed, left = largest_remainder(left, weights, None if caps is None else caps - out)
        out += placed
    if left.any():
        placed, _ = largest_remainder(left, np.ones(out.shape, dtype=np.int64))
        out += placed
    return out
