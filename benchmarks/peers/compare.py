"""Peer side of benchmarks/peers/run-peers.sh: runs SciPy and statsmodels on the data the .NET side wrote and compares."""
import inspect
import os
import sys
import time

import numpy as np
import scipy
import scipy.stats
import statsmodels
from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa


def best_ms(action, repeats=3):
    result = action()
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        result = action()
        best = min(best, (time.perf_counter() - start) * 1000)
    return result, best


def main(directory):
    ours = {}
    with open(os.path.join(directory, "dotnet_results.csv")) as handle:
        for line in handle:
            key, value = line.strip().split(",")
            ours[key] = float(value)

    rows = []

    def report(name, ours_value, peer_value, ours_ms=None, peer_ms=None):
        difference = abs(ours_value - peer_value)
        relative = difference / max(abs(peer_value), 1e-300)
        speed = f"{peer_ms / ours_ms:8.1f}x" if ours_ms and peer_ms else "       -"
        timing = f"{ours_ms:9.4f} {peer_ms:9.4f}" if ours_ms and peer_ms else f"{'-':>9} {'-':>9}"
        rows.append(f"{name:<34} {ours_value:>24.17g} {peer_value:>24.17g} {relative:>9.1e} {timing} {speed}")

    # Wilcoxon, 1,000,000 pairs rounded to 2 decimals: ties and zeros, so both use the normal approximation.
    pairs = np.loadtxt(os.path.join(directory, "wilcoxon.csv"), delimiter=",")
    x, y = pairs[:, 0].copy(), pairs[:, 1].copy()
    method = "method" if "method" in inspect.signature(scipy.stats.wilcoxon).parameters else "mode"
    approx = {method: "approx"}
    result, scipy_ms = best_ms(lambda: scipy.stats.wilcoxon(x, y, zero_method="wilcox", correction=True, **approx))
    d = x - y
    d = d[d != 0]
    n = len(d)
    v = scipy.stats.rankdata(np.abs(d))[d > 0].sum()
    report("wilcoxon V = T+ (1M, ties, zeros)", ours["wilcoxon_v"], float(v))
    report("wilcoxon min(T+, T-)", min(ours["wilcoxon_v"], n * (n + 1) / 2 - ours["wilcoxon_v"]), float(result.statistic))
    report("wilcoxon p two-sided (1M)", ours["wilcoxon_p"], float(result.pvalue), ours["wilcoxon_ms"], scipy_ms)

    small = np.loadtxt(os.path.join(directory, "wilcoxon_small.csv"), delimiter=",")
    exact = scipy.stats.wilcoxon(small[:, 0], small[:, 1], **{method: "exact"})
    report("wilcoxon exact p (n = 30)", ours["wilcoxon_small_p"], float(exact.pvalue))

    counts = np.loadtxt(os.path.join(directory, "fleiss.csv"), delimiter=",", dtype=np.int64)
    kappa, statsmodels_ms = best_ms(lambda: fleiss_kappa(counts, method="fleiss"))
    report("fleiss kappa (1M x 5)", ours["fleiss_kappa"], float(kappa), ours["fleiss_ms"], statsmodels_ms)

    table = np.loadtxt(os.path.join(directory, "cohen.csv"), delimiter=",", dtype=np.int64)
    for name, wt in (("none", None), ("linear", "linear"), ("quadratic", "quadratic")):
        value, ms = best_ms(lambda: cohens_kappa(table, wt=wt, return_results=False))
        report(f"cohen kappa {name} (5 x 5)", ours[f"cohen_{name}"], float(value), ours[f"cohen_{name}_ms"], ms)
        full = cohens_kappa(table, wt=wt)
        report(f"  standard error {name}", ours[f"cohen_{name}_se"], float(full.std_kappa))
        report(f"  standard error under null {name}", ours[f"cohen_{name}_se0"], float(full.std_kappa0))
        report(f"  95% interval lower {name}", ours[f"cohen_{name}_low"], float(full.kappa_low))
        report(f"  95% interval upper {name}", ours[f"cohen_{name}_upp"], float(full.kappa_upp))

    print(f"SciPy {scipy.__version__}, statsmodels {statsmodels.__version__}, NumPy {np.__version__}, Python {sys.version.split()[0]}")
    print(f"{'quantity':<34} {'CoProduction.Scoring':>24} {'peer':>24} {'rel.diff':>9} {'.NET ms':>9} {'peer ms':>9} {'speed-up':>9}")
    for row in rows:
        print(row)


if __name__ == "__main__":
    main(sys.argv[1])
