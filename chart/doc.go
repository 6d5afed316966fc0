// Package chart draws the plots shown and exported by Tempfit: observed
// points with the predicted and optimum curves of a model, the loss of a
// training run on a log scale, and the residuals of a fit.
//
// The package takes plain Go values and returns gonum.org/v1/plot plots,
// which can be rendered to an image with Render or written as PNG, SVG or
// PDF with Write. Plot construction is robust to the values a diverging
// training run produces: NaN, infinite and huge values are dropped or
// clipped instead of distorting or breaking the plot.
//
// All text is drawn with the package's current font, Liberation Sans by
// default. UseFont and LoadSystemFont select a font that can display other
// scripts, such as Hangul.
package chart // import "tempfit/chart"
