package intent

import (
	"math"
	"math/rand/v2"

	"supportbot/ticketing"
)

// Model is the statistical half of the classifier: two multinomial
// logistic regressions over hashed features, one for the kind of case and
// one for the priority of an incident. It is read-only once trained, so
// one Model serves every goroutine.
type Model struct {
	kind linear // over modelKinds
	prio linear // over modelPriorities, learnt from incidents only
}

// modelKinds and modelPriorities fix the class order of the two heads; a
// model file stores weights in this order.
var (
	modelKinds      = ticketing.Kinds
	modelPriorities = []ticketing.Priority{ticketing.PriorityAlta, ticketing.PriorityMedia, ticketing.PriorityBaja}
)

// linear is one softmax regression: w[bucket*classes+class].
type linear struct {
	classes int
	w       []float32
}

func newLinear(classes int) linear {
	return linear{classes: classes, w: make([]float32, classes<<featureBits)}
}

// vector is a message's features. The text features (words, pairs,
// character grams) come first and share a unit of weight, so a long
// message with a signature does not outvote a short one; the lexicon and
// shape features after them count one each, whatever the length.
type vector struct {
	idx   []int32
	nText int
}

func (v *vector) textWeight() float32 {
	if v.nText == 0 {
		return 0
	}
	return float32(textScale / math.Sqrt(float64(v.nText)))
}

// textScale is the weight of the text features against one lexicon
// feature. At 1 the model followed the lexicon into its blind spots; at 2
// it reads requests and ideas the lexicon does not spell.
const textScale = 2.0

// scores writes the class scores (logits) of v into out.
func (l *linear) scores(v *vector, out []float64) {
	tw := float64(v.textWeight())
	switch l.classes {
	case 5:
		l.scores5(v, tw, out)
		return
	case 3:
		l.scores3(v, tw, out)
		return
	}
	for k := range out {
		out[k] = 0
	}
	for i, b := range v.idx {
		x := 1.0
		if i < v.nText {
			x = tw
		}
		row := l.w[int(b)*l.classes : int(b)*l.classes+l.classes]
		for k, w := range row {
			out[k] += float64(w) * x
		}
	}
}

// scores5 and scores3 are scores for the two heads' class counts. The
// sums are kept in registers rather than in out, so the weights of the
// next features are fetched while the last ones are added: the weights
// are megabytes, read at random, and scoring waited on each fetch. Each
// sum adds the same products in the same order as the general loop, so
// the scores are the same to the bit.
func (l *linear) scores5(v *vector, tw float64, out []float64) {
	var s0, s1, s2, s3, s4 float64
	for i, b := range v.idx {
		x := 1.0
		if i < v.nText {
			x = tw
		}
		j := int(b) * 5
		r := l.w[j : j+5 : j+5]
		s0 += float64(r[0]) * x
		s1 += float64(r[1]) * x
		s2 += float64(r[2]) * x
		s3 += float64(r[3]) * x
		s4 += float64(r[4]) * x
	}
	out = out[:5]
	out[0], out[1], out[2], out[3], out[4] = s0, s1, s2, s3, s4
}

func (l *linear) scores3(v *vector, tw float64, out []float64) {
	var s0, s1, s2 float64
	for i, b := range v.idx {
		x := 1.0
		if i < v.nText {
			x = tw
		}
		j := int(b) * 3
		r := l.w[j : j+3 : j+3]
		s0 += float64(r[0]) * x
		s1 += float64(r[1]) * x
		s2 += float64(r[2]) * x
	}
	out = out[:3]
	out[0], out[1], out[2] = s0, s1, s2
}

// softmax turns scores into probabilities in place.
func softmax(s []float64) {
	hi := math.Inf(-1)
	for _, x := range s {
		hi = max(hi, x)
	}
	var sum float64
	for k, x := range s {
		s[k] = math.Exp(x - hi)
		sum += s[k]
	}
	for k := range s {
		s[k] /= sum
	}
}

// Training settings. They were chosen on the project's corpus with the
// held-out split kept aside; see TestHeldOut.
const (
	trainEpochs = 12
	trainRate   = 0.5 // first epoch; it decays as 1/(1+epoch/2)
	trainSeed   = 15  // the shuffle is seeded: same corpus, same model
	// criticalWeight makes a missed outage cost more than a false alarm
	// during training, as it does in operation.
	criticalWeight = 2.0
)

// sample is one training example as the heads see it.
type sample struct {
	v      vector
	kind   int // index in modelKinds
	prio   int // index in modelPriorities, or -1
	weight float64
}

// Train learns a model from labelled examples. It is deterministic: the
// same examples in the same order give the same weights, bit for bit, on
// one platform. Examples with a kind the classifier does not know are
// skipped.
func Train(examples []Example) *Model {
	lex := lexiconOnce()
	var samples []sample
	for _, ex := range examples {
		k := kindIndex(ex.Kind)
		if k < 0 {
			continue
		}
		s := sample{kind: k, prio: -1, weight: 1}
		if ex.Kind == ticketing.KindIncidente {
			s.prio = prioIndex(ex.Priority)
		}
		if ex.Kind == ticketing.KindIncidenteCritico {
			s.weight = criticalWeight
		}
		t := tokenize(Normalize(truncate(ex.Text)))
		a := analyzeWith(lex, &t)
		s.v = a.vector(&t, lex)
		samples = append(samples, s)
	}
	m := &Model{kind: newLinear(len(modelKinds)), prio: newLinear(len(modelPriorities))}
	m.kind.fit(samples, func(s *sample) int { return s.kind })
	m.prio.fit(samples, func(s *sample) int { return s.prio })
	return m
}

// fit runs averaged stochastic gradient descent on the samples whose label
// is not negative. Averaging the weights over every step is what keeps a
// few thousand examples from being memorised word by word.
func (l *linear) fit(samples []sample, label func(*sample) int) {
	order := make([]int, 0, len(samples))
	for i := range samples {
		if label(&samples[i]) >= 0 {
			order = append(order, i)
		}
	}
	// Each class weighs the same in total, however many examples it has:
	// a corpus with more incidents than ideas must not teach that an
	// unfamiliar message is most likely an incident.
	count := make([]float64, l.classes)
	for _, i := range order {
		count[label(&samples[i])]++
	}
	balance := make([]float64, l.classes)
	for k, c := range count {
		if c > 0 {
			balance[k] = float64(len(order)) / (float64(l.classes) * c)
		}
	}
	// sum accumulates step*update, so that the average of the weights over
	// all steps is w - sum/steps without touching every weight each step.
	sum := make([]float32, len(l.w))
	rng := rand.New(rand.NewPCG(trainSeed, uint64(l.classes)))
	p := make([]float64, l.classes)
	step := 1.0
	for epoch := range trainEpochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		rate := trainRate / (1 + float64(epoch)/2)
		for _, i := range order {
			s := &samples[i]
			y := label(s)
			l.scores(&s.v, p)
			softmax(p)
			tw := float64(s.v.textWeight())
			for k := range p {
				g := p[k]
				if k == y {
					g--
				}
				g *= rate * s.weight * balance[y]
				if g == 0 {
					continue
				}
				for fi, b := range s.v.idx {
					x := 1.0
					if fi < s.v.nText {
						x = tw
					}
					// The explicit conversions round each product, so no
					// platform fuses them into a differently rounded FMA.
					d := float32(g * x)
					j := int(b)*l.classes + k
					l.w[j] -= d
					sum[j] -= float32(float64(d) * step)
				}
			}
			step++
		}
	}
	for j := range l.w {
		l.w[j] -= sum[j] / float32(step)
	}
}

func kindIndex(k ticketing.Kind) int {
	for i, mk := range modelKinds {
		if mk == k {
			return i
		}
	}
	return -1
}

func prioIndex(p ticketing.Priority) int {
	for i, mp := range modelPriorities {
		if mp == p {
			return i
		}
	}
	return -1
}
