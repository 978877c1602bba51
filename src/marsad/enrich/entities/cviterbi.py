"""Viterbi in C: CRFsuite's own ``crf1dc_viterbi``, reached through ctypes.

python-crfsuite (a required dependency: it trains the tagger) links the CRFsuite C library into
its extension module and exports its functions. Decoding a sentence there costs three foreign
calls (size the context, copy the ``(n, L)`` emission block in, run Viterbi) instead of one
numpy step per token, which is what makes the entity stage fast on one core.

The context layout is CRFsuite's ``crf1d_context_t`` (``crf1d.h``, stable since 2010): four
ints, the log normaliser, then the state and transition score pointers. Nothing is trusted
blindly: :func:`load` decodes random lattices and compares the result with a numpy Viterbi
before it is used, and returns ``None`` (the caller keeps its numpy decoder) on any mismatch
or when the symbols are missing. One context per thread: the C side keeps work buffers.
"""

from __future__ import annotations

import ctypes
import threading

import numpy as np

_CTXF_VITERBI = 0x01


class _Ctx(ctypes.Structure):
    _fields_ = [("flag", ctypes.c_int), ("num_labels", ctypes.c_int), ("num_items", ctypes.c_int),
                ("cap_items", ctypes.c_int), ("log_norm", ctypes.c_double),
                ("state", ctypes.POINTER(ctypes.c_double)), ("trans", ctypes.POINTER(ctypes.c_double))]


class CViterbi:
    """Exact first-order Viterbi over ``(n, L)`` emission blocks with a fixed ``(L, L)``
    transition matrix (from → to), no start/end transitions — the same as CRFsuite's tagger."""

    def __init__(self, lib: ctypes.CDLL, T: np.ndarray) -> None:
        self._lib = lib
        self.L = int(T.shape[0])
        self._T = np.ascontiguousarray(T, dtype=np.float64)
        self._local = threading.local()

    def _ctx(self, n: int) -> ctypes._Pointer:  # type: ignore[type-arg]
        ctx = getattr(self._local, "ctx", None)
        if ctx is None:
            ctx = self._lib.crf1dc_new(_CTXF_VITERBI, self.L, max(n, 256))
            if not ctx:
                raise MemoryError("crf1dc_new failed")
            ctypes.memmove(ctx.contents.trans, self._T.ctypes.data, self._T.nbytes)
            self._local.ctx = ctx
        return ctx

    def decode(self, E: np.ndarray, spans: list[tuple[int, int]]) -> np.ndarray:
        """Best label ids of the rows ``[a, b)`` of ``E`` for each ``(a, b)`` in ``spans``
        (each span decoded on its own); rows outside every span are left as 0."""
        E = np.ascontiguousarray(E, dtype=np.float64)
        out = np.zeros(len(E), dtype=np.int32)
        if not spans:
            return out
        longest = max(b - a for a, b in spans)
        ctx = self._ctx(longest)
        lib = self._lib
        lib.crf1dc_set_num_items(ctx, longest)  # grows the C buffers when they are too small
        c = ctx.contents
        state = int(ctypes.cast(c.state, ctypes.c_void_p).value or 0)
        row = self.L * 8
        e0, o0 = E.ctypes.data, out.ctypes.data
        memmove = ctypes.memmove
        viterbi = lib.crf1dc_viterbi
        for a, b in spans:
            if b > a:
                c.num_items = b - a  # within capacity: what crf1dc_set_num_items would do
                memmove(state, e0 + a * row, (b - a) * row)
                viterbi(ctx, o0 + a * 4)
        return out


def _numpy_viterbi(E: np.ndarray, T: np.ndarray) -> list[int]:
    score = E[0].copy()
    back = []
    for t in range(1, len(E)):
        cand = score[:, None] + T
        back.append(cand.argmax(axis=0))
        score = cand.max(axis=0) + E[t]
    y = int(score.argmax())
    path = [y]
    for b in reversed(back):
        y = int(b[y])
        path.append(y)
    return path[::-1]


def load(T: np.ndarray) -> CViterbi | None:
    """The C decoder for transition matrix ``T``, or ``None`` when CRFsuite's symbols are not
    there or do not agree with a numpy Viterbi on a self-test."""
    try:
        import pycrfsuite._pycrfsuite as ext

        lib = ctypes.CDLL(ext.__file__)
        lib.crf1dc_new.restype = ctypes.POINTER(_Ctx)
        lib.crf1dc_new.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.crf1dc_set_num_items.restype = ctypes.c_int
        lib.crf1dc_set_num_items.argtypes = [ctypes.POINTER(_Ctx), ctypes.c_int]
        lib.crf1dc_viterbi.restype = ctypes.c_double
        lib.crf1dc_viterbi.argtypes = [ctypes.POINTER(_Ctx), ctypes.c_void_p]
        cv = CViterbi(lib, T)
        rng = np.random.default_rng(7)
        T64 = np.asarray(T, dtype=np.float64)
        for n in (1, 2, 7, 40, 300):
            E = rng.normal(0, 3, size=(n, cv.L))
            if cv.decode(E, [(0, n)]).tolist() != _numpy_viterbi(E, T64):
                return None
        return cv
    except (ImportError, OSError, AttributeError, MemoryError):
        return None
