package store

import (
	"reflect"
	"testing"
	"time"

	"clientbase/model"
)

// fillLeaves sets every field under v to a non-zero value that differs from
// field to field (n counts them), slices to one element: a field the binary
// codec forgot comes back zero.
func fillLeaves(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString("v" + string(rune('A'+*n%26)) + string(rune('a'+*n/26)))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(*n) * -7)
	case reflect.Uint, reflect.Uint64, reflect.Uint32:
		v.SetUint(uint64(*n) * 1000003)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fillLeaves(v.Index(0), n)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Unix(1700000000+int64(*n), int64(*n)).UTC()))
			return
		}
		for i := range v.NumField() {
			fillLeaves(v.Field(i), n)
		}
	default:
		panic("fillLeaves: add a case for " + v.Kind().String())
	}
}

// Every field of model.Client (found by reflection, so a new one is covered
// without editing this test) survives the binary record.
func TestClientRecordKeepsEveryField(t *testing.T) {
	var c model.Client
	n := 0
	fillLeaves(reflect.ValueOf(&c).Elem(), &n)
	rec, err := appendClientRecord(nil, &c)
	if err != nil {
		t.Fatal(err)
	}
	if rec[0] != clientBinV1 {
		t.Fatal("a client with every field set was stored as JSON")
	}
	var back model.Client
	if err := decode(rec, &back); err != nil {
		t.Fatal(err)
	}
	ct := reflect.TypeFor[model.Client]()
	for i := range ct.NumField() {
		got, want := reflect.ValueOf(back).Field(i), reflect.ValueOf(c).Field(i)
		if !reflect.DeepEqual(got.Interface(), want.Interface()) {
			t.Errorf("%s: stored %v, read back %v", ct.Field(i).Name, want, got)
		}
	}
}
