package main

import (
	"bytes"
	"encoding/json"
	"math"
)

// number is a float64 that JSON holds as null when it is NaN or infinite,
// which JSON numbers cannot be: a statistic that does not exist, such as
// a standard error without degrees of freedom.
type number float64

// MarshalJSON writes v as a JSON number, or null when it is not finite.
func (v number) MarshalJSON() ([]byte, error) {
	f := float64(v)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(f)
}

// UnmarshalJSON reads a JSON number, and null as NaN.
func (v *number) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*v = number(math.NaN())
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	*v = number(f)
	return nil
}

// numbers returns v as numbers.
func numbers(v []float64) []number {
	out := make([]number, len(v))
	for i, f := range v {
		out[i] = number(f)
	}
	return out
}
