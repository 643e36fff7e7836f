"""Small statistics the readers decide with."""

from __future__ import annotations

import math

Z_95 = 1.645  # one-sided 95 %


def wilson_interval(k: int, n: int, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval of a proportion ``k / n`` (E. B. Wilson, 1927).

    A share measured on few cases is uncertain: ``2 / 12`` and ``3 / 13``
    differ by one case and say the same. Deciding on a bound of the interval
    instead of the share keeps a decision from flipping on one case.

    Returns:
        ``(lower, upper)``, both in ``[0, 1]``; ``(0.0, 1.0)`` when ``n == 0``.
    """
    if n <= 0:
        return 0.0, 1.0
    p = k / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    denom = 1 + z * z / n
    return max(0.0, (centre - spread) / denom), min(1.0, (centre + spread) / denom)
