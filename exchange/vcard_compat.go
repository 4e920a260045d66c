package exchange

import (
	"bytes"
	"io"
	"mime/quotedprintable"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-vcard"
	"golang.org/x/text/encoding/charmap"
)

// What phones write besides 3.0 and 4.0: Android's "export to .vcf" and
// older phones write vCard 2.1, with names in QUOTED-PRINTABLE UTF-8
// (soft line breaks "=" at a line's end, not the folding of 3.0), bare
// TEL types (TEL;CELL:…), and old Windows tools whole files in
// Windows-1251. The library reads 3.0/4.0; these helpers bring 2.1 to it.

// vcardUTF8 is data as UTF-8: as it is when valid, else read as
// Windows-1251 (1C's and old Outlook's encoding); the encoding's name.
func vcardUTF8(data []byte) ([]byte, string) {
	if utf8.Valid(data) {
		return data, "utf-8"
	}
	out, err := charmap.Windows1251.NewDecoder().Bytes(data)
	if err != nil {
		return data, "utf-8"
	}
	return out, "windows-1251"
}

// vcardPrepare brings a card's 2.1 lines to what the library reads: the
// lines of a QUOTED-PRINTABLE value that end in "=" (soft breaks) joined,
// and bare parameters (TEL;CELL;PREF:) written as TYPE=CELL (the library
// would take the value for the parameter's).
func vcardPrepare(text []byte) []byte {
	upper := bytes.ToUpper(text)
	if !bytes.Contains(upper, []byte("QUOTED-PRINTABLE")) && !bytes.Contains(upper, []byte("VERSION:2.1")) {
		return text
	}
	lines := strings.SplitAfter(string(text), "\n")
	var b strings.Builder
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		head, rest, ok := strings.Cut(l, ":")
		if ok && l != "" && l[0] != ' ' && l[0] != '\t' && strings.Contains(head, ";") && !strings.Contains(head, "\"") {
			parts := strings.Split(head, ";")
			for j := 1; j < len(parts); j++ {
				if parts[j] != "" && !strings.Contains(parts[j], "=") {
					parts[j] = "TYPE=" + parts[j]
				}
			}
			head = strings.Join(parts, ";")
			l = head + ":" + rest
		}
		if !ok || !strings.Contains(strings.ToUpper(head), "QUOTED-PRINTABLE") {
			b.WriteString(l)
			continue
		}
		cur := strings.TrimRight(l, "\r\n")
		for strings.HasSuffix(cur, "=") && i+1 < len(lines) {
			i++
			cur = cur[:len(cur)-1] + strings.TrimRight(lines[i], "\r\n")
		}
		b.WriteString(cur)
		b.WriteString("\r\n")
	}
	return []byte(b.String())
}

// vcardDecodeQP decodes the card's QUOTED-PRINTABLE values in their
// CHARSET (UTF-8 unless it says Windows-1251).
func vcardDecodeQP(card vcard.Card) {
	for _, fields := range card {
		for _, f := range fields {
			if f == nil || !strings.EqualFold(f.Params.Get("ENCODING"), "QUOTED-PRINTABLE") {
				continue
			}
			raw, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(f.Value)))
			if err != nil {
				continue // kept as it is: a value, if an odd one
			}
			cs := strings.ToLower(f.Params.Get("CHARSET"))
			if cs == "windows-1251" || cs == "cp1251" || (!utf8.Valid(raw) && cs == "") {
				if dec, err := charmap.Windows1251.NewDecoder().Bytes(raw); err == nil {
					raw = dec
				}
			}
			if !utf8.Valid(raw) {
				continue
			}
			f.Value = string(raw)
			delete(f.Params, "ENCODING")
		}
	}
}
