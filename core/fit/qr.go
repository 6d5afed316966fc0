package fit

import "math"

// qrBlock is the number of rows gathered before they are folded into R.
const qrBlock = 256

// triangle accumulates the R factor of a tall matrix whose rows arrive one
// at a time: QR = A with Q orthonormal and R upper triangular, without ever
// holding A. Rows are gathered in blocks and each block is folded into R by
// Householder reflections, so the cost is about 2m² per row for m columns
// and the result is as accurate as a QR factorization of A whole.
//
// With y as the last column of A, R's last column holds Qᵀy, and its last
// diagonal element is the norm of the least-squares residual.
type triangle struct {
	m    int
	r    []float64 // m×m, row major, upper triangular
	cols []float64 // the gathered block, column major: column j at j*qrBlock
	rows int       // rows gathered in the block
}

// newTriangle returns an empty accumulator for rows of m values.
func newTriangle(m int) *triangle {
	return &triangle{m: m, r: make([]float64, m*m), cols: make([]float64, m*qrBlock)}
}

// add appends one row of A.
func (tr *triangle) add(row []float64) {
	for j, v := range row[:tr.m] {
		tr.cols[j*qrBlock+tr.rows] = v
	}
	tr.rows++
	if tr.rows == qrBlock {
		tr.flush()
	}
}

// merge appends the rows of another accumulator's R: the result is the R
// of both sets of rows together.
func (tr *triangle) merge(other *triangle) {
	other.flush()
	for i := 0; i < other.m; i++ {
		tr.add(other.r[i*other.m : (i+1)*other.m])
	}
}

// R returns the accumulated factor, m×m row major. The slice is the
// accumulator's own.
func (tr *triangle) R() []float64 {
	tr.flush()
	return tr.r
}

// flush folds the gathered rows into R. For column j the reflection
// zeroes the block's column j against R[j][j]; R's rows below j are zero in
// that column and are left alone.
func (tr *triangle) flush() {
	k, m := tr.rows, tr.m
	if k == 0 {
		return
	}
	for j := 0; j < m; j++ {
		v := tr.cols[j*qrBlock : j*qrBlock+k]
		sigma := 0.0
		for _, vi := range v {
			sigma += vi * vi
		}
		if sigma == 0 {
			continue
		}
		alpha := tr.r[j*m+j]
		beta := -math.Copysign(math.Sqrt(alpha*alpha+sigma), alpha)
		// The reflection is I − τ·u·uᵀ with u = (1, v/(α − β)).
		u0 := alpha - beta
		for i := range v {
			v[i] /= u0
		}
		tau := (beta - alpha) / beta
		for c := j + 1; c < m; c++ {
			w := tr.cols[c*qrBlock : c*qrBlock+k]
			s := tr.r[j*m+c]
			for i, vi := range v {
				s += vi * w[i]
			}
			s *= tau
			tr.r[j*m+c] -= s
			for i, vi := range v {
				w[i] -= s * vi
			}
		}
		tr.r[j*m+j] = beta
	}
	tr.rows = 0
}
