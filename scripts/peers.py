#!/usr/bin/python3
"""The peers of `tempfit-cli fit --optimizer exact` on a big file, for
docs/performance.md: read x and y, fit the degree-4 polynomial exactly,
and write x, y, predicted and residual, as Tempfit does.

Usage: scripts/peers.py pandas|numpy DATA OUT
"""
import sys

import numpy as np


def main(kind, data, out):
    if kind == "pandas":
        import pandas as pd

        d = pd.read_csv(data)
        x, y = d.iloc[:, 0].to_numpy(), d.iloc[:, 1].to_numpy()
        p = np.polynomial.Polynomial.fit(x, y, 4)
        d["predicted"] = p(x)
        d["residual"] = y - d["predicted"]
        d.to_csv(out, index=False)
    elif kind == "numpy":
        d = np.loadtxt(data, delimiter=",", skiprows=1)
        x, y = d[:, 0], d[:, 1]
        predicted = np.polyval(np.polyfit(x, y, 4), x)
        np.savetxt(out, np.column_stack([x, y, predicted, y - predicted]),
                   delimiter=",", header="x,y,predicted,residual", comments="", fmt="%.17g")
    else:
        sys.exit("usage: peers.py pandas|numpy DATA OUT")


if __name__ == "__main__":
    main(*sys.argv[1:])
