package intent

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// A model file lets a model trained once (say on the corpus plus staff
// corrections) be loaded without retraining. The format is little-endian:
//
//	magic "SBINTENT", uint32 format, uint32 featureVersion, uint32 featureBits
//	per head (kind, then priority): uint32 classes, uint32 rows, then per
//	non-zero row: uint32 bucket, classes × float32
//
// Only rows with a non-zero weight are written, which keeps the file a
// fraction of the weights held in memory.

var _ io.WriterTo = (*Model)(nil)

const (
	modelMagic  = "SBINTENT"
	modelFormat = 1
)

// WriteTo writes m in the model file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: bufio.NewWriter(w)}
	cw.Write([]byte(modelMagic))
	for _, v := range []uint32{modelFormat, featureVersion, featureBits} {
		cw.u32(v)
	}
	for _, l := range []*linear{&m.kind, &m.prio} {
		l.write(cw)
	}
	if cw.err == nil {
		cw.err = cw.w.Flush()
	}
	return cw.n, cw.err
}

func (l *linear) write(cw *countWriter) {
	rows := 0
	for b := range 1 << featureBits {
		if l.rowUsed(b) {
			rows++
		}
	}
	cw.u32(uint32(l.classes))
	cw.u32(uint32(rows))
	for b := range 1 << featureBits {
		if !l.rowUsed(b) {
			continue
		}
		cw.u32(uint32(b))
		for _, x := range l.w[b*l.classes : (b+1)*l.classes] {
			cw.u32(math.Float32bits(x))
		}
	}
}

func (l *linear) rowUsed(b int) bool {
	for _, x := range l.w[b*l.classes : (b+1)*l.classes] {
		if x != 0 {
			return true
		}
	}
	return false
}

// ReadModel reads a model written by WriteTo. A file from another feature
// version, or a damaged one, is refused with an error.
func ReadModel(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("read model: not a model file")
	}
	var hdr [3]uint32
	if err := binary.Read(br, binary.LittleEndian, &hdr); err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	if hdr[0] != modelFormat || hdr[1] != featureVersion || hdr[2] != featureBits {
		return nil, fmt.Errorf("read model: format %d, features v%d/%d bits; this build reads format %d, features v%d/%d bits",
			hdr[0], hdr[1], hdr[2], modelFormat, featureVersion, featureBits)
	}
	m := &Model{}
	for i, want := range []int{len(modelKinds), len(modelPriorities)} {
		l, err := readLinear(br, want)
		if err != nil {
			return nil, fmt.Errorf("read model: head %d: %w", i, err)
		}
		if i == 0 {
			m.kind = l
		} else {
			m.prio = l
		}
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, errors.New("read model: trailing data")
	}
	return m, nil
}

func readLinear(r io.Reader, classes int) (linear, error) {
	var hdr [2]uint32
	if err := binary.Read(r, binary.LittleEndian, &hdr); err != nil {
		return linear{}, err
	}
	if int(hdr[0]) != classes {
		return linear{}, fmt.Errorf("%d classes, want %d", hdr[0], classes)
	}
	if hdr[1] > 1<<featureBits {
		return linear{}, fmt.Errorf("%d rows in %d buckets", hdr[1], 1<<featureBits)
	}
	l := newLinear(classes)
	row := make([]uint32, 1+classes)
	for range hdr[1] {
		if err := binary.Read(r, binary.LittleEndian, row); err != nil {
			return linear{}, err
		}
		b := int(row[0])
		if b >= 1<<featureBits {
			return linear{}, fmt.Errorf("bucket %d out of range", b)
		}
		for k := range classes {
			x := math.Float32frombits(row[1+k])
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
				return linear{}, fmt.Errorf("bucket %d: weight %v", b, x)
			}
			l.w[b*classes+k] = x
		}
	}
	return l, nil
}

// countWriter keeps the first error and the bytes written, so WriteTo
// reads as a list of fields.
type countWriter struct {
	w   *bufio.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

func (c *countWriter) u32(v uint32) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], v)
	c.Write(b[:])
}
