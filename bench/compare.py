"""Compares every tool's canonical results with Tally's: exact for counts, scores, days and
retention cells; floats (RFM monetary, NPS) to a relative 1e-9, since engines add in different
orders. Returns human-readable differences; an empty list means the tools agree.

One kind of difference is set apart, not failed: an RFM user whose monetary value differs from
Tally's only by float rounding (added in another order: 23.00 + 3.99 + 4.99 is 31.980000000000004
in row order, 31.98 in another) and whose m_score differs because of it, since a cut point can be
that very value. Tally sums with compensation, so its total does not depend on the order
(plugins/RFM/README.md); the peers add plainly, in an order that changes from run to run. `summation_order_ties` counts them; every other field must still agree.
"""
import math

TOLERANCE = 1e-9


def close(a, b):
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=TOLERANCE)


def _first_list_difference(reference, other):
    for index, (a, b) in enumerate(zip(reference, other)):
        if a != b:
            return f"row {index + 1}: Tally {a}, other {b}"
    if len(reference) != len(other):
        return f"Tally has {len(reference)} rows, other {len(other)}"
    return None


RFM_FIELDS = ("recency", "frequency", "monetary", "r_score", "f_score", "m_score")


def _is_summation_order_tie(a, b):
    """Only m_score differs, by one, and the monetary values differ only by rounding."""
    same_but_m = a[:2] == b[:2] and a[3:5] == b[3:5]
    return same_but_m and a[2] != b[2] and close(a[2], b[2]) and abs(a[5] - b[5]) == 1


def summation_order_ties(reference, other):
    """Users of `other` whose m_score differs from Tally's only through float summation order."""
    users = reference["rfm"].keys() & other["rfm"].keys()
    return sorted(u for u in users if reference["rfm"][u] != other["rfm"][u]
                  and _is_summation_order_tie(reference["rfm"][u], other["rfm"][u]))


def _rfm_differences(reference, other):
    problems = []
    only_tally, only_other = reference.keys() - other.keys(), other.keys() - reference.keys()
    if only_tally or only_other:
        problems.append(f"users only in Tally: {len(only_tally)} (e.g. {sorted(only_tally)[:3]}), "
                        f"only in other: {len(only_other)} (e.g. {sorted(only_other)[:3]})")
    differing = []
    for user in sorted(reference.keys() & other.keys()):
        a, b = reference[user], other[user]
        fields = [n for n, x, y in zip(RFM_FIELDS, a, b) if not (close(x, y) if n == "monetary" else x == y)]
        if fields and not _is_summation_order_tie(a, b):
            differing.append((user, fields, a, b))
    if differing:
        user, fields, a, b = differing[0]
        problems.append(f"{len(differing)} users differ (first: {user} in {', '.join(fields)}: Tally {a}, other {b})")
    return problems


def _nps_differences(reference, other):
    def row_differs(a, b):
        return a[:4] != b[:4] or not close(a[4], b[4])

    problems = []
    if row_differs(reference["overall"], other["overall"]):
        problems.append(f"overall: Tally {reference['overall']}, other {other['overall']}")
    if reference["by"].keys() != other["by"].keys():
        problems.append(f"channels: Tally {sorted(reference['by'])}, other {sorted(other['by'])}")
    for channel in sorted(reference["by"].keys() & other["by"].keys()):
        if row_differs(reference["by"][channel], other["by"][channel]):
            problems.append(f"{channel}: Tally {reference['by'][channel]}, other {other['by'][channel]}")
    return problems


def differences(reference, other):
    """{work: [problem, …]} for every work whose results differ (reference = Tally's)."""
    found = {}
    for work in ("dau", "retention", "funnel"):
        problem = _first_list_difference(reference[work], other[work])
        if problem:
            found[work] = [problem]
    for work, compare in (("rfm", _rfm_differences), ("nps", _nps_differences)):
        problems = compare(reference[work], other[work])
        if problems:
            found[work] = problems
    return found
