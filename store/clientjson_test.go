package store

import "testing"

func TestClientShapeIsKnown(t *testing.T) {
	if !clientShapeKnown {
		t.Fatalf("model.Client changed shape; teach clientbin.go the new fields and set clientShape to:\n%s", shapeOf(reflectClientType()))
	}
}
