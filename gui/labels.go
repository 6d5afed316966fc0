package gui

import (
	"tempfit/core/fit"
	"tempfit/core/optim"
)

// Choice labels, translated when the panel is built.
var (
	kindLabels    = map[fit.Kind]string{fit.Polynomial: "Polynomial", fit.Seasonal: "Seasonal"}
	scalingLabels = map[fit.Scaling]string{fit.Raw: "Raw x", fit.Scaled: "Scaled x (−1 to 1)"}
	methodLabels  = map[optim.Kind]string{
		optim.Adam:            "Adam",
		optim.GradientDescent: "SGD (gradient descent)",
		optim.Momentum:        "Momentum",
		optim.Nesterov:        "Nesterov",
		optim.Adagrad:         "Adagrad",
		optim.RMSProp:         "RMSProp",
		optim.LBFGS:           "L-BFGS",
		optim.Exact:           "Exact (least squares)",
	}
	methodHelp = map[optim.Kind]string{
		optim.Adam:            "Adaptive steps per weight with momentum; the book's choice (TensorFlow 1 defaults).",
		optim.GradientDescent: "Plain steps against the gradient: new w = w − lr·g.",
		optim.Momentum:        "Gradient descent that keeps 90% of its last step.",
		optim.Nesterov:        "Momentum that looks one step ahead before it moves.",
		optim.Adagrad:         "Steps shrink for weights whose gradients have been large.",
		optim.RMSProp:         "Steps scaled by a running average of squared gradients.",
		optim.LBFGS:           "Quasi-Newton method: few steps, no learning rate.",
		optim.Exact:           "Solves the least-squares problem in one step, no learning rate.",
	}
)
