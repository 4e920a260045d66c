package model

// ClientFilter narrows the client list. Zero values mean "any".
type ClientFilter struct {
	Text            string // live filter over name, tax id, phone digits, e-mail, city
	Category        Category
	Status          ClientStatus
	Manager         string // user name; "mine" is Manager == the current user
	IncludeArchived bool   // archived clients are hidden unless asked for
	OnlyArchived    bool
}

// ClientPage is one window of the client list.
type ClientPage struct {
	Total    int      // matches in all
	Rows     []Client // the requested window
	Indexing bool     // the search index is still being built; Text/quick filters wait for it
}

// DuplicateClient is an existing client that looks like the one being created.
type DuplicateClient struct {
	Client Client
	Reason string // sentence: "same tax id", "same phone +7 912 345-67-89", ...
}

// Stats are the record counts shown in the status bar.
type Stats struct {
	Clients  int
	Archived int
	Users    int
}
