package report

import (
	"fmt"
	"math"
	"strings"
)

// barChart is a vertical bar chart laid out for an inline SVG: every
// coordinate is computed here so the template only places them.
type barChart struct {
	Width, Height int
	Bars          []chartBar
	Ticks         []chartTick
	PlotLeft      int
	PlotRight     int
	Baseline      int
	Caption       string
}

type chartBar struct {
	X, Y, W, H     int
	Label, Value   string
	LabelX, LabelY int
	ValueY         int
	Title          string // tooltip
}

type chartTick struct {
	Y     int
	Label string
}

// densityChart draws citations per note for each sequence of d.
func densityChart(d docView) barChart {
	const (
		width  = 430
		height = 230
		top    = 24
		bottom = 46
		left   = 40
		right  = 8
	)
	n := len(d.Sequences)
	// Bars share the plot width, a gap of half a bar between them, and are
	// never wider than 64 units.
	slot := float64(width-left-right) / float64(max(n, 1))
	barWidth := int(math.Min(slot*2/3, 64))
	gap := int(slot) - barWidth
	highest := 0.0
	for _, s := range d.Sequences {
		highest = math.Max(highest, s.Density)
	}
	scaleMax := niceCeil(highest)
	plot := height - top - bottom
	c := barChart{Width: width, Height: height, PlotLeft: left, PlotRight: width - right, Baseline: top + plot,
		Caption: fmt.Sprintf("Citations per note in each sequence of %s", d.Name)}
	for i := 0; i <= 4; i++ {
		v := scaleMax * float64(i) / 4
		c.Ticks = append(c.Ticks, chartTick{Y: top + plot - int(math.Round(float64(plot)*v/scaleMax)), Label: trimFloat(v)})
	}
	for i, s := range d.Sequences {
		h := int(math.Round(float64(plot) * s.Density / scaleMax))
		x := left + gap/2 + i*(barWidth+gap)
		label := s.ID
		if label == "" {
			label = fmt.Sprintf("#%d", i+1)
		}
		c.Bars = append(c.Bars, chartBar{
			X: x, Y: top + plot - h, W: barWidth, H: h,
			Label: label, Value: fmt.Sprintf("%.2f", s.Density),
			LabelX: x + barWidth/2, LabelY: top + plot + 18, ValueY: top + plot - h - 6,
			Title: fmt.Sprintf("%s %s: %d citations in %d notes", label, s.Title, s.Citations, s.Notes),
		})
	}
	return c
}

// niceCeil rounds v up to 1, 2 or 5 times a power of ten (at least 1).
func niceCeil(v float64) float64 {
	if v <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// trimFloat writes an axis value with at most two decimals, trailing
// zeros dropped: 1, 0.5, 0.25.
func trimFloat(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// topBar is one row of the most-cited list: its bar width in percent.
type topBar struct {
	workView
	Count   int
	Percent int
}

func topBars(works []workView) []topBar {
	most := 0
	for _, w := range works {
		most = max(most, len(w.Cites))
	}
	out := make([]topBar, len(works))
	for i, w := range works {
		out[i] = topBar{workView: w, Count: len(w.Cites), Percent: 100 * len(w.Cites) / most}
	}
	return out
}
