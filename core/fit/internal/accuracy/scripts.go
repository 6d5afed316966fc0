package main

// The programs that fit a case with numpy and R. Each takes the CSV file
// and the degree and prints the fitted values, the SSE and, where the
// method gives them, the coefficients of the powers of its variable with
// "map off scl" for t = off + scl·x.

const numpyPolyfit = `import sys, warnings
import numpy as np
warnings.simplefilter("ignore")
x, y = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, unpack=True)
p = np.polyfit(x, y, int(sys.argv[2]))
f = np.polyval(p, x)
print("fitted", " ".join(repr(float(v)) for v in f))
print("sse", repr(float(np.sum((y - f) ** 2))))
print("coef", " ".join(repr(float(v)) for v in p[::-1]))
`

const numpyPolynomial = `import sys, warnings
import numpy as np
from numpy.polynomial import Polynomial
warnings.simplefilter("ignore")
x, y = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, unpack=True)
P = Polynomial.fit(x, y, int(sys.argv[2]))
f = P(x)
off, scl = P.mapparms()
print("fitted", " ".join(repr(float(v)) for v in f))
print("sse", repr(float(np.sum((y - f) ** 2))))
print("coef", " ".join(repr(float(v)) for v in P.coef))
print("map", repr(float(off)), repr(float(scl)))
`

const rRaw = `a <- commandArgs(trailingOnly = TRUE)
d <- read.csv(a[1])
m <- lm(y ~ poly(x, as.integer(a[2]), raw = TRUE), data = d)
g <- function(v) paste(sprintf("%.17g", v), collapse = " ")
cat("fitted", g(fitted(m)), "\n")
cat("sse", g(sum(resid(m)^2)), "\n")
cat("coef", g(coef(m)), "\n")
`

const rOrthogonal = `a <- commandArgs(trailingOnly = TRUE)
d <- read.csv(a[1])
m <- lm(y ~ poly(x, as.integer(a[2])), data = d)
g <- function(v) paste(sprintf("%.17g", v), collapse = " ")
cat("fitted", g(fitted(m)), "\n")
cat("sse", g(sum(resid(m)^2)), "\n")
`
