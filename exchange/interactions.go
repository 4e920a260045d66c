package exchange

import (
	"context"

	"clientbase/store"
)

// Interactions: one row per call, visit, letter logged at opts.From/To
// (zero: all), opts.User's only when given, in id order. A bulk export:
// data.export.

var interactionColumns = []string{"ID", "At", "User", "Channel", "Direction", "Client code", "Client", "Contact",
	"Phone", "Plan item", "Off plan", "Outcome", "Reason", "Call back at", "Promised", "Currency", "Promise by",
	"Notes", "Recording", "Next step", "Next item"}

func init() {
	registerExport(Interactions, exporter{columns: interactionColumns, each: eachInteractionRow})
}

func eachInteractionRow(ctx context.Context, s *store.Session, opts ExportOptions, emit func([]string) error) error {
	return s.EachInteraction(ctx, opts.User, opts.From, opts.To, func(e *store.InteractionExport) error {
		ix := &e.Interaction
		return emit([]string{
			viewsID(ix.ID), viewsTime(ix.At, opts.Loc), ix.User, string(ix.Channel), string(ix.Direction), e.ClientCode,
			e.ClientName, e.ContactName, ix.Phone, viewsID(ix.PlanItem), viewsYes(ix.OffPlan), string(ix.Outcome),
			ix.Reason, viewsTime(ix.CallBack, opts.Loc), moneyCell(ix.Promised.Minor), ix.Promised.Currency,
			viewsTime(ix.PromiseBy, opts.Loc), ix.Notes, ix.Recording, ix.NextStep, viewsID(ix.NextItem),
		})
	})
}
