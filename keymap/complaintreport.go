package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// ComplaintReport are the keys of the head's complaint report: the period,
// scrolling a report taller than the screen, and the CSV export.
type ComplaintReport struct {
	Nav
	Month, Year      key.Binding
	Span             key.Binding // month → quarter → year (q stays the root's quit)
	Prev, Next, This key.Binding
	Export           key.Binding
}

// NewComplaintReport builds the report's keys.
func NewComplaintReport() ComplaintReport {
	return ComplaintReport{
		Nav:    NewNav(),
		Month:  key.NewBinding(key.WithKeys("m"), key.WithHelp("m", model.T("complaintreport.key.month"))),
		Span:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", model.T("complaintreport.key.span"))),
		Year:   key.NewBinding(key.WithKeys("y"), key.WithHelp("y", model.T("complaintreport.key.year"))),
		Prev:   key.NewBinding(key.WithKeys("["), key.WithHelp("[", model.T("complaintreport.key.prev"))),
		Next:   key.NewBinding(key.WithKeys("]"), key.WithHelp("]", model.T("complaintreport.key.next"))),
		This:   key.NewBinding(key.WithKeys("t"), key.WithHelp("t", model.T("complaintreport.key.this"))),
		Export: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", model.T("complaintreport.key.export"))),
	}
}

// ShortHelp is the report's footer.
func (k ComplaintReport) ShortHelp() []key.Binding {
	return []key.Binding{k.Prev, k.Next, k.Month, k.Span, k.Year, k.Export, k.Down}
}

// FullHelp is the report's columns of the ? overlay.
func (k ComplaintReport) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Month, k.Year, k.Span, k.Prev, k.Next, k.This},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Export},
	}
}

// ComplaintReportExport are the keys of the export's file prompt.
type ComplaintReportExport struct {
	Save, Cancel key.Binding
}

// NewComplaintReportExport builds the file prompt's keys.
func NewComplaintReportExport() ComplaintReportExport {
	return ComplaintReportExport{
		Save:   key.NewBinding(key.WithKeys("enter", "ctrl+s"), key.WithHelp("enter", model.T("complaintreport.key.write"))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("complaintreport.key.cancel"))),
	}
}

// ShortHelp is the prompt's footer.
func (k ComplaintReportExport) ShortHelp() []key.Binding { return []key.Binding{k.Save, k.Cancel} }

// FullHelp is the prompt's column of the ? overlay.
func (k ComplaintReportExport) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Save, k.Cancel}} }
