package main

// Temporary: pins the modules the packages are being built on, until they import them.
import (
	_ "charm.land/bubbles/v2/textinput"
	_ "charm.land/bubbletea/v2"
	_ "charm.land/lipgloss/v2"
	_ "github.com/charmbracelet/x/ansi"
	_ "github.com/charmbracelet/x/exp/teatest/v2"
	_ "go.etcd.io/bbolt"
	_ "golang.org/x/text/collate"
	_ "golang.org/x/text/unicode/norm"
)

func main() {}
