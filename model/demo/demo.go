// Package demo generates a realistic department with a fixed seed: users and
// clients with Russian, Lithuanian and English names, valid tax ids, phones in
// mixed formats. API STUB written by the lead; the model helper implements it.
package demo

import "clientbase/model"

// Users returns the demo department's staff: a director, heads, managers, operators.
func Users() []model.User { return nil }

// Clients generates n clients from seed and hands each to emit, in id order
// 1..n (IDs set). Managers are names from Users(). Deterministic for a seed.
func Clients(seed int64, n int, emit func(model.Client) error) error { return nil }
