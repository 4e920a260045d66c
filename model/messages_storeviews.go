package model

// Sentences of the schedule's read side and bulk plan loader (package store).
func init() {
	addMessages(map[string]string{
		"storeviews.act.plan_view":   "see other people's plans",
		"storeviews.bulk_load":       "bulk load of %d plan items and %d interactions",
		"storeviews.bad_item":        "plan item %d (%s, client %d) cannot be loaded: %s",
		"storeviews.bad_ix":          "interaction of plan item %d cannot be loaded: %s",
		"storeviews.no_user":         "there is no user %q",
		"storeviews.no_client":       "there is no client %d",
		"storeviews.client_archived": "client %d is archived, and an archived client has no open items",
		"storeviews.bad_field":       "%s is not valid (%q)",
	})
}
