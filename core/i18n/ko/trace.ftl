# gbl: trace feedback (core/src/check/trace).
