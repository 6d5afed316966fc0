package project

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	if err := Encode(&buf, sample()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	if b, err := os.ReadFile(filepath.Join("testdata", "v1.tempfit")); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"format":"tempfit-project","version":1,"model":{"kind":"seasonal","harmonics":1,"period":12},"optimizer":"exact","speed":"max"}`))
	f.Add([]byte(`{"format":"tempfit-project","version":3}`))
	f.Add([]byte(`{"format":"tempfit-project","version":2,"data":{"x_axis":{"kind":"date","origin":"2012-01-01T00:00:00Z","layout":"2006-01-02","offset":0},"x":[0,1],"y":[1,2]},"model":{"kind":"poly","degree":1},"optimizer":"exact","speed":"max"}`))
	f.Add([]byte(`{"format":"tempfit-project","version":1,"data":{"x":[1e400]}}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"a":`))

	f.Fuzz(func(t *testing.T, in []byte) {
		p, err := Decode(bytes.NewReader(in), "fuzz.tempfit")
		if err != nil {
			if p != nil {
				t.Fatalf("returned a project with error %v", err)
			}
			if !strings.HasPrefix(err.Error(), "fuzz.tempfit") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		var first bytes.Buffer
		if err := Encode(&first, p); err != nil {
			t.Fatalf("accepted project does not encode: %v", err)
		}
		q, err := Decode(bytes.NewReader(first.Bytes()), "again.tempfit")
		if err != nil {
			t.Fatalf("re-encoded project refused: %v\n%s", err, first.Bytes())
		}
		p.Version = q.Version // Encode writes the oldest version that holds p
		if !reflect.DeepEqual(p, q) {
			t.Fatalf("round trip changed the project:\n%+v\n%+v", p, q)
		}
		var second bytes.Buffer
		if err := Encode(&second, q); err != nil || !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("second encoding differs (%v):\n%s\n%s", err, first.Bytes(), second.Bytes())
		}
	})
}
