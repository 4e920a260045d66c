package exchange

import (
	"bufio"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	tea "charm.land/bubbletea/v2"

	"clientbase/exchange"
	"clientbase/model"
	"clientbase/ui/common"
)

// importedMsg is the answer of a preview (dry) or an import.
type importedMsg struct {
	gen    int
	dry    bool
	report model.ImportReport
	err    error
}

// exportedMsg is the answer of an export.
type exportedMsg struct {
	gen  int
	n    int
	path string // as typed
	err  error
}

// completedMsg is a path completion: from is the field's text it completed.
type completedMsg struct {
	mode     Mode
	from, to string
}

// expand turns a leading ~ into the home folder.
func expand(path, home string) string {
	if home != "" && (path == "~" || strings.HasPrefix(path, "~/")) {
		return strings.TrimRight(home, "/") + path[1:]
	}
	return path
}

// fileSentence says what is wrong with a file the pane was given.
func fileSentence(err error, path string) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return model.T("exch.ui.err.no_file", path)
	case errors.Is(err, fs.ErrPermission):
		return model.T("exch.ui.err.permission", path)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return model.T("exch.ui.err.file", path, pe.Err.Error())
	}
	return common.ErrorSentence(err, "exch.ui")
}

// runImport reads the file and imports it (dry: a preview of previewRows
// rows per action; writing nothing).
func runImport(ctx context.Context, port Port, gen int, run importRun, dry bool) tea.Cmd {
	return func() tea.Msg {
		if port == nil {
			return importedMsg{gen: gen, dry: dry, err: errUnavailable}
		}
		f, err := os.Open(run.file)
		if err == nil {
			var st os.FileInfo
			if st, err = f.Stat(); err == nil && st.IsDir() {
				err = errFolder
			}
		}
		if err != nil {
			if f != nil {
				f.Close()
			}
			return importedMsg{gen: gen, dry: dry, err: err}
		}
		defer f.Close()
		opts := exchange.ImportOptions{DryRun: dry, Encoding: run.encoding}
		if dry {
			opts.Preview = previewRows
		} else {
			opts.File = run.file
		}
		rep, err := port.Import(ctx, run.kind, bufio.NewReaderSize(f, 1<<20), opts)
		sort.SliceStable(rep.Lines, func(i, j int) bool { return rep.Lines[i].Line < rep.Lines[j].Line })
		return importedMsg{gen: gen, dry: dry, report: rep, err: err}
	}
}

var (
	errUnavailable = errors.New("unavailable")
	errFolder      = errors.New("folder")
)

// runExport writes kind to the file at path: into a temporary file beside
// it, renamed over it once complete (a failed export leaves no half file
// and an older file intact). The file is the owner's only (0600): the
// client base is a trade secret.
func runExport(ctx context.Context, port Port, gen int, kind exchange.Kind, path, file string, opts exchange.ExportOptions) tea.Cmd {
	return func() tea.Msg {
		if port == nil {
			return exportedMsg{gen: gen, path: path, err: errUnavailable}
		}
		if st, err := os.Stat(file); err == nil && st.IsDir() {
			return exportedMsg{gen: gen, path: path, err: errFolder}
		}
		tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".*.part")
		if err != nil {
			return exportedMsg{gen: gen, path: path, err: err}
		}
		w := bufio.NewWriterSize(tmp, 1<<20)
		n, err := port.Export(ctx, kind, w, opts)
		if err == nil {
			err = w.Flush()
		}
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp.Name(), file)
		}
		if err != nil {
			os.Remove(tmp.Name())
			return exportedMsg{gen: gen, path: path, err: err}
		}
		return exportedMsg{gen: gen, n: n, path: path}
	}
}

// complete extends a path to what every name starting with it shares (a
// folder gets its "/"); nothing when nothing matches.
func complete(mode Mode, from, home string) tea.Cmd {
	return func() tea.Msg {
		full := expand(from, home)
		matches, _ := filepath.Glob(globEscape(full) + "*")
		if len(matches) == 0 {
			return nil
		}
		common := matches[0]
		for _, p := range matches[1:] {
			common = sharedPrefix(common, p)
		}
		if len(matches) == 1 {
			if st, err := os.Stat(common); err == nil && st.IsDir() {
				common += string(filepath.Separator)
			}
		}
		if len(common) <= len(full) {
			return nil
		}
		return completedMsg{mode: mode, from: from, to: from + common[len(full):]}
	}
}

func sharedPrefix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	// never end inside a UTF-8 sequence
	for n > 0 && n < len(a) && a[n]&0xC0 == 0x80 {
		n--
	}
	return a[:n]
}

// globEscape keeps a typed path's *, ? and [ literal.
func globEscape(p string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`)
	return r.Replace(p)
}
