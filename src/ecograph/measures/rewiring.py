"""Degree-preserving rewiring: double-edge swaps on arrays.

A null model keeps every actor's number of ties and shuffles who is tied to
whom (Maslov & Sneppen 2002): pick two ties ``a–b`` and ``c–d`` and make
them ``a–d`` and ``c–b``, unless that would tie an actor to itself or
duplicate a tie. :func:`rewire_edges` makes these swaps a round at a time,
with numpy: each round pairs every tie with another at random (each tie in
one proposed swap) and gives what trying these swaps one after the other
would give, each against the graph the earlier ones left (the Markov chain
of Maslov & Sneppen and of igraph's ``rewire``, whose stationary
distribution is uniform over the simple graphs with these degrees; Fosdick
et al. 2018). Rounds go on until ``swaps_per_tie`` swaps per tie have been
proposed, as many as a swap-by-swap loop would try.

References
----------
.. [1] Maslov, S. & Sneppen, K. (2002). Specificity and stability in topology
   of protein networks. *Science* 296, 910-913.
.. [2] Fosdick, B. K., Larremore, D. B., Nishimura, J. & Ugander, J. (2018).
   Configuring random graph models with fixed degree sequences. *SIAM
   Review* 60(2), 315-355.

Examples
--------
>>> import numpy as np
>>> u, v = np.array([0, 1, 2, 3]), np.array([1, 2, 3, 0])
>>> ru, rv = rewire_edges(u, v, 4, seed=0)
>>> np.bincount(np.concatenate([ru, rv])).tolist()
[2, 2, 2, 2]
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from ..sparse import SparseGraph, symmetric_matrix

__all__ = ["rewire_edges", "rewired", "rewiring_chain"]


def rewire_edges(
    u: np.ndarray, v: np.ndarray, n: int, *, swaps_per_tie: float = 10, seed: int | np.random.Generator = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Shuffle a simple undirected graph's ties, keeping every actor's degree.

    Parameters
    ----------
    u, v : array of int
        The ties, each once, as node positions (no self-loop, no tie twice).
    n : int
        Number of nodes.
    swaps_per_tie : float, default 10
        Swaps proposed per tie, in all (rounded up to whole rounds of ``m // 2`` swaps).
    seed : int or numpy.random.Generator, default 0

    Returns
    -------
    tuple of arrays
        The rewired ties ``(u, v)`` with ``u < v``, sorted: every node has
        the degree it had, no self-loop, no tie twice; the same for the same
        seed.

    Examples
    --------
    >>> import networkx as nx, numpy as np
    >>> G = nx.karate_club_graph()
    >>> e = np.array(G.edges())
    >>> ru, rv = rewire_edges(e[:, 0], e[:, 1], 34, seed=1)
    >>> R = nx.Graph(zip(ru.tolist(), rv.tolist()))
    >>> sorted(d for _, d in R.degree()) == sorted(d for _, d in G.degree()), R.number_of_edges() == G.number_of_edges()
    (True, True)
    """
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    a, b = np.minimum(u, v).astype(np.int64), np.maximum(u, v).astype(np.int64)
    m = len(a)
    if m < 2:
        return a, b
    return _rounds(a, b, n, int(np.ceil(swaps_per_tie * m / (m // 2))), rng)


def _rounds(a: np.ndarray, b: np.ndarray, n: int, rounds: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """``rounds`` rounds of swaps; the ties sorted, ``a < b``."""
    for _ in range(rounds):
        a, b = _swap_round(a, b, n, rng)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    order = np.lexsort((hi, lo))
    return lo[order], hi[order]


def _swap_round(a: np.ndarray, b: np.ndarray, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """One round: every tie paired with another at random, the pairs swapped one after the other where that keeps the graph simple.

    The outcome is that of trying the swaps one at a time in their order,
    each against the graph the earlier ones left (so each swap, and the
    round, leaves the uniform distribution over simple graphs with these
    degrees as it is). Most swaps touch no tie that another swap of the
    round removes or creates: they are decided at once, with numpy; the few
    others, in order, in Python.
    """
    m = len(a)
    order = rng.permutation(m)
    half = m // 2
    first, second = order[:half], order[half : 2 * half]
    flip = rng.random(half) < 0.5  # which of the two ways to swap: a–d & c–b, or a–c & d–b
    pa, pb = a[first], b[first]
    pc = np.where(flip, b[second], a[second])
    pd = np.where(flip, a[second], b[second])
    # proposed ties: pa–pd and pc–pb
    x1, y1 = np.minimum(pa, pd), np.maximum(pa, pd)
    x2, y2 = np.minimum(pc, pb), np.maximum(pc, pb)
    loops = (x1 == y1) | (x2 == y2)
    k1, k2 = x1 * n + y1, x2 * n + y2
    existing = np.minimum(a, b) * n + np.maximum(a, b)
    small = np.int32 if n * n < 2**31 else np.int64  # half as many bytes to sort on networks under 46,000 actors
    keys = (existing.astype(small), np.where(loops, -1, k1).astype(small), np.where(loops, -1, k2).astype(small))
    owner1, owner2, twice = _lookup(*keys)
    pair = np.full(m, -1, dtype=np.int64)  # the swap each tie belongs to (-1: the odd tie out)
    pair[first], pair[second] = np.arange(half), np.arange(half)
    entangled = ~loops & ((owner1 >= 0) | (owner2 >= 0) | twice)
    # a proposed tie that exists and that no earlier swap can remove stays: the swap fails whatever the others do
    stays = _stays(owner1, pair, loops) | _stays(owner2, pair, loops)
    accepted = ~loops & ~entangled
    undecided = entangled & ~stays
    if undecided.any():
        _decide_in_order(np.flatnonzero(undecided), accepted, (k1, k2), (owner1, owner2), pair)
    a, b = a.copy(), b.copy()
    done = np.flatnonzero(accepted)
    a[first[done]], b[first[done]] = pa[done], pd[done]
    a[second[done]], b[second[done]] = pc[done], pb[done]
    return a, b


def _stays(owner: np.ndarray, pair: np.ndarray, loops: np.ndarray) -> np.ndarray:
    """Whether each swap proposes a tie that exists and is still there when its turn comes (its own swap, or none, or a later one, or one that cannot be made holds it)."""
    j = np.where(owner >= 0, pair[np.maximum(owner, 0)], -2)
    turn = np.arange(len(owner))
    return (owner >= 0) & ((j < 0) | (j >= turn) | loops[np.maximum(j, 0)])


def _decide_in_order(which: np.ndarray, accepted: np.ndarray, keys: tuple, owners: tuple, pair: np.ndarray) -> None:
    """Decide the swaps that touch ties other swaps remove or create, in order: a tie exists if it was there and its swap has not yet removed it, or an earlier swap created it."""
    created: set[int] = set()
    for i in which.tolist():
        free = True
        for key, owner in ((int(keys[0][i]), int(owners[0][i])), (int(keys[1][i]), int(owners[1][i]))):
            removed = owner >= 0 and 0 <= pair[owner] < i and accepted[pair[owner]]
            if key in created or (owner >= 0 and not removed):
                free = False
                break
        if free:
            accepted[i] = True
            created.update((int(keys[0][i]), int(keys[1][i])))


def _lookup(existing: np.ndarray, k1: np.ndarray, k2: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each proposed pair of ties: the position of each among the existing ties (-1: not there), and whether another swap proposes one of them too.

    One stable sort of the existing keys followed by the proposed ones
    (keys below 0, self-loops, are left out): in each run of equal keys an
    existing tie comes first.
    """
    m, half = len(existing), len(k1)
    keys = np.concatenate([existing, k1, k2])
    order = np.argsort(keys, kind="stable")
    ranked = keys[order]
    starts = np.ones(len(keys), dtype=bool)
    starts[1:] = ranked[1:] != ranked[:-1]
    first = np.maximum.accumulate(np.where(starts, np.arange(len(keys)), 0))  # where each run of equal keys starts
    head = order[first]  # the first key of the run: an existing tie if it is one
    sizes = np.diff(np.flatnonzero(np.append(starts, True)))
    proposals = sizes[np.cumsum(starts) - 1] - (head < m)  # proposed keys in the run
    owner = np.full(len(keys), -1, dtype=np.int64)
    owner[order] = np.where(head < m, head, -1)
    shared = np.zeros(len(keys), dtype=bool)
    shared[order] = (proposals > 1) & (ranked >= 0)
    return owner[m : m + half], owner[m + half :], shared[m : m + half] | shared[m + half :]


def rewired(S: SparseGraph, *, swaps_per_tie: int = 10, seed: int | np.random.Generator = 0) -> SparseGraph:
    """``S`` with its ties shuffled by :func:`rewire_edges` (same nodes, attributes and degrees; ties unweighted).

    Examples
    --------
    >>> import networkx as nx
    >>> from ecograph import as_sparse
    >>> S = as_sparse(nx.karate_club_graph())
    >>> R = rewired(S, seed=0)
    >>> bool((R.degrees() == S.degrees()).all()), R.m == S.m, (R.adjacency != S.binary).nnz > 0
    (True, True, True)
    """
    u, v, _ = S.edges()
    ru, rv = rewire_edges(u, v, S.n, swaps_per_tie=swaps_per_tie, seed=seed)
    return SparseGraph(S.nodes, symmetric_matrix(ru, rv, np.ones(len(ru)), S.n), S.attributes)


def rewiring_chain(
    S: SparseGraph, *, swaps_per_tie: float = 10, gap: float = 1, seed: int | np.random.Generator = 0
) -> Iterator[SparseGraph]:
    """Rewirings of ``S`` as one Markov chain: the first after ``swaps_per_tie`` swaps per tie, each next after ``gap`` more.

    Every graph of the chain is drawn from the same distribution as
    :func:`rewired` gives (uniform over the simple graphs with these
    degrees, once the first has mixed); successive ones share some ties,
    less the longer the gap (Fosdick et al. 2018 call it the sampling gap).
    A gap of one swap per tie costs a tenth of a fresh rewiring with the
    default ten. The gap is made in whole rounds of ``m // 2`` proposed
    swaps (two rounds per swap per tie).

    Examples
    --------
    >>> import itertools, networkx as nx
    >>> from ecograph import as_sparse
    >>> S = as_sparse(nx.karate_club_graph())
    >>> chain = list(itertools.islice(rewiring_chain(S, seed=0), 3))
    >>> [bool((R.degrees() == S.degrees()).all()) for R in chain], (chain[0].adjacency != chain[1].adjacency).nnz > 0
    ([True, True, True], True)
    """
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    u, v, _ = S.edges()
    u, v = rewire_edges(u, v, S.n, swaps_per_tie=swaps_per_tie, seed=rng)
    rounds = max(1, round(2 * gap))  # a round proposes m // 2 swaps: two make one per tie, odd m or not
    while True:
        yield SparseGraph(S.nodes, symmetric_matrix(u, v, np.ones(len(u)), S.n), S.attributes)
        if len(u) >= 2:
            u, v = _rounds(u, v, S.n, rounds, rng)
